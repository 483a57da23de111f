/**
 * Express's `trust proxy` from `HIPCHAT_CONNECT_TRUST_PROXY`, for an add-on started by someone else:
 * `hipchat-connect dev` behind a tunnel sets it to `loopback`, since ngrok's agent (or the tunnel dev
 * opened) forwards from this machine. `true`/`false` and a hop count become what Express expects; any
 * other text (`loopback`, addresses, subnets) Express reads itself.
 */
export function trustProxyFromEnv(value = process.env.HIPCHAT_CONNECT_TRUST_PROXY): boolean | number | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
