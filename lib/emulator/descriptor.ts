import { descriptorProblems, type Descriptor } from '../core/descriptor';
import { invalidDescriptor } from '../core/descriptor/validate';
import { ConnectError } from '../errors';
import { callAddon, isSuccess } from './outbound';

/**
 * GETs the descriptor from the add-on and checks it as the toolkit does (`schemas/descriptor`, then the
 * cross-module rules), so the emulator refuses exactly what the add-on side would refuse to serve.
 */
export async function fetchDescriptor(url: string): Promise<Descriptor> {
  const answer = await callAddon(url, { what: 'descriptor URL' });
  if (!isSuccess(answer)) {
    throw new ConnectError('HOST_UNREACHABLE', `The descriptor at ${url} answered ${answer.status}`, { details: { url, status: answer.status } });
  }
  if (typeof answer.body !== 'object' || answer.body === null) {
    throw new ConnectError('DESCRIPTOR_INVALID', `The descriptor at ${url} is not a JSON object`, { details: { url } });
  }
  const problems = descriptorProblems(answer.body);
  if (problems.length > 0) throw invalidDescriptor(problems, `The descriptor at ${url} is invalid`);
  return answer.body as Descriptor;
}

export function declaredScopes(descriptor: Descriptor): string[] {
  return [...(descriptor.capabilities?.hipchatApiConsumer?.scopes ?? [])];
}

/**
 * The install callback for a room or a group install, after checking the descriptor allows that target.
 * A descriptor without `installable` cannot be installed at all (HipChat's own rule); with it, the
 * schema has made sure a callbackUrl is there, and both targets default to allowed.
 */
export function callbackFor(descriptor: Descriptor, intoRoom: boolean): string {
  const installable = descriptor.capabilities?.installable;
  const refuse = (why: string) => new ConnectError('INSTALL_TARGET_NOT_ALLOWED', `${descriptor.key} cannot be installed into ${intoRoom ? 'a room' : 'the group'}: ${why}`);
  if (!installable) throw refuse('its descriptor declares no capabilities.installable');
  if ((intoRoom ? installable.allowRoom : installable.allowGlobal) === false) {
    throw refuse(`its descriptor sets ${intoRoom ? 'allowRoom' : 'allowGlobal'} to false`);
  }
  return installable.callbackUrl;
}
