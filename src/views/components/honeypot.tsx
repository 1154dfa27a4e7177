import { HONEYPOT_FIELD } from '../../forms/fields.ts'

/**
 * A field hidden from people (off-screen and out of the tab order) and from assistive
 * technology, which form-filling bots tend to complete.
 */
export const Honeypot = () => (
  <div class="soca-honeypot" aria-hidden="true">
    <label for={HONEYPOT_FIELD}>Leave this field empty</label>
    <input type="text" id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" />
  </div>
)
