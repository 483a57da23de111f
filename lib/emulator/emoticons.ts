import type { components } from '../core/rest-api/openapi';

/**
 * An emoticon of the group's catalogue, with the members of the contract's Emoticon that the emulator
 * keeps; `global` ones came with HipChat, `group` ones were uploaded. Its image URL and link are made
 * when it is answered.
 */
export type Emoticon = Required<Pick<components['schemas']['Emoticon'], 'id' | 'shortcut' | 'type' | 'width' | 'height'>> & {
  /** The group emoticon's uploader (a user id). */
  creator?: number;
};

/** A few of HipChat's well-known shortcuts and one uploaded by Ada, fixed like the rest of the seed. */
export function seedEmoticons(): Emoticon[] {
  return [
    { id: 1, shortcut: 'allthethings', type: 'global', width: 30, height: 30 },
    { id: 2, shortcut: 'shipit', type: 'global', width: 30, height: 30 },
    { id: 3, shortcut: 'yey', type: 'global', width: 25, height: 25 },
    { id: 4, shortcut: 'lovelace', type: 'group', width: 30, height: 30, creator: 1 },
  ];
}

/** An emoticon named as `emoticon_id_or_shortcut` names one. */
export function findEmoticon(emoticons: readonly Emoticon[], idOrShortcut: string): Emoticon | undefined {
  return /^\d+$/.test(idOrShortcut)
    ? emoticons.find((emoticon) => emoticon.id === Number(idOrShortcut))
    : emoticons.find((emoticon) => emoticon.shortcut === idOrShortcut);
}
