// Asking before a step that is not undone (archiving …): the warning box with the step's own
// button and 取消.
import { ElMessageBox } from 'element-plus'
import { t } from './i18n.js'

/** True when the user confirms `message` with the `button` words, false when cancelled. */
export async function confirmed(message, title, button) {
  try {
    await ElMessageBox.confirm(message, title, { type: 'warning', confirmButtonText: button, cancelButtonText: t('common.cancel') })
    return true
  } catch {
    return false
  }
}
