import type { Descriptor } from '../core/descriptor';
import { ConnectError } from '../errors';
import type { Logger } from '../logger';
import { callAddon, isSuccess } from './outbound';
import { isPlainObject } from './plain-object';
import { tolerateUnknownMembers } from './tolerant-descriptor';

/**
 * GETs the descriptor from the add-on and checks it as the toolkit does (`schemas/descriptor`, then the
 * cross-module rules), except that members HipChat did not know are ignored with a warning, as HipChat
 * ignored them: add-ons written elsewhere carry some (ACE's `baseUrl`). A refusal names every problem.
 */
export async function fetchDescriptor(url: string, logger: Logger): Promise<Descriptor> {
  const answer = await callAddon(url, { what: 'descriptor URL' });
  if (!isSuccess(answer)) {
    throw new ConnectError('HOST_UNREACHABLE', `The descriptor at ${url} answered ${answer.status}`, { details: { url, status: answer.status } });
  }
  if (!isPlainObject(answer.body)) {
    throw new ConnectError('DESCRIPTOR_INVALID', `The descriptor at ${url} is not a JSON object`, { details: { url } });
  }
  const { descriptor, ignored } = tolerateUnknownMembers(answer.body, `The descriptor at ${url} is invalid`);
  for (const member of ignored) logger.warn({ url, member }, `emulator: descriptor member ${member} is unknown to HipChat; ignored`);
  return descriptor;
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
