/**
 * GENERATED from schemas/card.schema.json by test/support/generate-schema-types.js. Do not edit;
 * after changing the schema, regenerate with:
 *   node test/support/generate-schema-types.js --write
 */

export type CardUrl = string;
export type CardIcon =
  | CardUrl
  | {
      url: CardUrl;
      'url@2x'?: CardUrl;
    };
export type CardUrl1 = string;
export type CardUrl2 = string;

/**
 * The card of a room notification (docs/protocol.md#cards). The notification's plain message stays required beside it as the fallback for clients that cannot show cards. Objects are closed so that a misspelt field fails here rather than being dropped silently by the host; metadata is free-form on purpose (card_matches conditions and actions read it).
 */
export interface Card {
  style: 'file' | 'image' | 'application' | 'link' | 'media';
  /**
   * Lets the host recognise a card sent again (an update of the same thing).
   */
  id: string;
  title: string;
  url?: CardUrl;
  description?: string | CardDescription;
  format?: 'compact' | 'medium';
  /**
   * Milliseconds since the epoch.
   */
  date?: number;
  icon?: CardIcon;
  thumbnail?: CardThumbnail;
  activity?: CardActivity;
  /**
   * @maxItems 10
   */
  attributes?: CardAttribute[];
  /**
   * Free-form; read by card_matches conditions and handed to actions.
   */
  metadata?: {
    [k: string]: unknown;
  };
}
export interface CardDescription {
  value: string;
  format: 'html' | 'text';
}
export interface CardThumbnail {
  url: CardUrl1;
  'url@2x'?: CardUrl2;
  width?: number;
  height?: number;
}
export interface CardActivity {
  html: string;
  icon?: CardIcon;
}
export interface CardAttribute {
  label?: string;
  value: CardAttributeValue;
}
export interface CardAttributeValue {
  label: string;
  url?: CardUrl;
  icon?: CardIcon;
  style?: 'lozenge' | 'lozenge-success' | 'lozenge-error' | 'lozenge-current' | 'lozenge-complete' | 'lozenge-moved';
}
