import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findAgentTunnel } from '../../../lib/dev/tunnel/agent';
import { freeLoopbackPort } from '../../support/redis';

/** The look-up of a running ngrok agent, against a real local API stand-in on loopback. */
let agent: Server;
let agentUrl: string;
let answer: { status: number; body: string };

beforeAll(async () => {
  agent = createServer((req, res) => {
    res.writeHead(req.url === '/api/tunnels' ? answer.status : 404, { 'content-type': 'application/json' }).end(answer.body);
  });
  await new Promise<void>((resolve) => agent.listen(0, '127.0.0.1', resolve));
  agentUrl = `http://127.0.0.1:${(agent.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => agent.close(resolve)));

const tunnels = (...list: unknown[]) => ({ status: 200, body: JSON.stringify({ tunnels: list, uri: '/api/tunnels' }) });

it('picks the https tunnel to the port, passing over http ones and others', async () => {
  answer = tunnels(
    { public_url: 'http://plain.ngrok.io', proto: 'http', config: { addr: 'http://localhost:3000' } },
    { public_url: 'https://other.ngrok.io', proto: 'https', config: { addr: 'http://localhost:4000' } },
    { public_url: 'https://mine.ngrok.io/', proto: 'https', config: { addr: 'localhost:3000' } },
  );
  await expect(findAgentTunnel(`${agentUrl}/`, 3000)).resolves.toEqual({ kind: 'tunnel', url: 'https://mine.ngrok.io' });
  await expect(findAgentTunnel(agentUrl, 5000)).resolves.toEqual({
    kind: 'elsewhere', tunnels: [{ url: 'https://other.ngrok.io', addr: 'http://localhost:4000' }, { url: 'https://mine.ngrok.io', addr: 'localhost:3000' }],
  });
});

it('finds none when no agent answers, or it answers something else', async () => {
  await expect(findAgentTunnel(`http://127.0.0.1:${await freeLoopbackPort()}`, 3000)).resolves.toEqual({ kind: 'none' });
  for (const other of [{ status: 500, body: '{}' }, { status: 200, body: 'not json' }, { status: 200, body: '{"tunnels": "no"}' }, tunnels()]) {
    answer = other;
    await expect(findAgentTunnel(agentUrl, 3000)).resolves.toEqual({ kind: 'none' });
  }
});
