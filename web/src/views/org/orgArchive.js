// Archiving an organisation record, one way on every 系统管理 page: ask, PATCH {version,
// archived: true}; a 409 is the shared conflict dialog (useVersionedSave), a 422 whose body lists
// `references` (what still names the record) opens the refusal list (RefusalDialog.vue).
import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import { confirmed } from '../../confirm.js'
import { t } from '../../i18n.js'

/** The refusal on screen: the record's name and what names it. */
export const refusal = reactive({ open: false, name: '', references: [] })

/**
 * Asks, then runs `send()` (the PATCH); answers true when archived. `save` is a
 * useVersionedSave().save, so a stale version opens the conflict dialog.
 */
export async function archiveRecord(name, save, send) {
  if (!(await confirmed(t('org.archive_confirm', { name }), t('org.archive'), t('org.archive')))) return false
  let refused = false
  const done = await save(async () => {
    try {
      return await send()
    } catch (e) {
      const refs = e && e.body && e.body.references
      if (e.status === 422 && Array.isArray(refs)) {
        Object.assign(refusal, { open: true, name, references: refs })
        refused = true
        return null
      }
      throw e
    }
  })
  if (done && !refused) ElMessage.success(t('org.archived_ok'))
  return !!done && !refused
}
