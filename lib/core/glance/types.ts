/**
 * GENERATED from schemas/glance.schema.json by test/support/generate-schema-types.js. Do not edit;
 * after changing the schema, regenerate with:
 *   node test/support/generate-schema-types.js --write
 */

export type GlanceStatus = GlanceLozengeStatus | GlanceIconStatus;
export type GlanceImageUrl = string;

/**
 * What a glance's queryUrl answers, and the content of a glance push (docs/protocol.md#glance-content). The label's HTML is limited to b, strong, em and i, without attributes: the pattern below is the whole rule, so the add-on (before answering) and the host (before showing) check the same thing, and any other tag, an attribute, or a stray '<' fails validation instead of being sanitised away unseen. Character references such as &amp; are text and allowed.
 */
export interface GlanceData {
  label: GlanceLabel;
  status?: GlanceStatus;
  /**
   * Free-form; read by glance_matches conditions.
   */
  metadata?: {
    [k: string]: unknown;
  };
}
export interface GlanceLabel {
  type: 'html';
  /**
   * Text with only <b>, <strong>, <em> and <i> (and their closing tags), without attributes.
   */
  value: string;
}
export interface GlanceLozengeStatus {
  type: 'lozenge';
  value: GlanceLozenge;
}
export interface GlanceLozenge {
  label: string;
  type: 'default' | 'success' | 'error' | 'current' | 'new' | 'complete' | 'moved';
}
export interface GlanceIconStatus {
  type: 'icon';
  value: GlanceIcon;
}
export interface GlanceIcon {
  url: GlanceImageUrl;
  'url@2x': GlanceImageUrl;
}
