// What the 单位, 人员 and 专班 pages share: the list of a region (filtered by a search), the add/edit
// form (FormDialog) saved with the record's version (409: the conflict dialog; 422: the fields'
// messages), and archiving with the refusal list. `api` is {list(region), get(id), create(body),
// update(id, body)}; `blank` the form's empty record; `toForm(record)` what an edit shows of a stored
// record; `bodyOf(form)` what a save sends; `matches(row, q)` the search; `listed`: the list's rows
// carry every field the form edits, with their version (an edit starts from the row, no re-fetch).
// Archiving sends the row's version when the list gives it (a stale one: the conflict dialog).
import { computed, reactive, ref, watch } from 'vue'
import { ElMessage } from 'element-plus'
import { useLoad } from '../../composables/useLoad.js'
import { useVersionedSave } from '../../composables/useVersionedSave.js'
import { fieldErrors } from '../../errors.js'
import { t } from '../../i18n.js'
import { useAuthStore } from '../../stores/auth.js'
import { useReferenceStore } from '../../stores/reference.js'
import { archiveRecord } from './orgArchive.js'

export function useOrgAdmin({ api, blank, toForm = (x) => x, bodyOf, matches = (row, q) => row.name.includes(q), filters = [], listed = false }) {
  const auth = useAuthStore()
  const reference = useReferenceStore()
  const admin = computed(() => auth.can('org.admin'))
  const region = ref('')
  const search = ref('')
  const { data, loading, error: loadError, reload } = useLoad(() => api.list(region.value || undefined), { initial: { items: [] } })
  watch([region, ...filters], () => reload(), { immediate: true })
  const rows = computed(() => {
    const q = search.value.trim()
    return (data.value.items || []).filter((row) => !q || matches(row, q))
  })
  const regionName = (code) => (reference.regions.find((r) => r.code === code) || {}).name || code
  // The choices of an OrgSelectItem: the regions, or the keys of a kind translated under `prefix`.
  const regionOptions = computed(() => reference.regions.map((r) => ({ value: r.code, label: r.name })))
  const keyOptions = (keys, prefix) => keys.map((k) => ({ value: k, label: t(prefix + k) }))

  const form = reactive({ open: false, ...blank })
  const errors = ref({})
  const { saving, error, save } = useVersionedSave({ reload: () => reload(), onError: (e) => (errors.value = fieldErrors(e)) })
  function show(values) {
    Object.assign(form, { ...structuredClone(blank), ...values, open: true })
    errors.value = {}
    error.value = ''
  }
  const openAdd = () => show({ region_code: region.value })
  const openEdit = async (row) => show(toForm(listed ? row : await api.get(row.id)))

  async function submit() {
    errors.value = {}
    const body = bodyOf(form)
    const done = await save(() => (form.id ? api.update(form.id, { version: form.version, ...body }) : api.create(body)))
    if (!done) return
    form.open = false
    ElMessage.success(t('org.saved'))
    reference.forget() // the selects of other pages (账号, 项目) list the new or changed record
    reload()
  }

  async function archive(row) {
    const x = row.version != null ? row : await api.get(row.id)
    if (await archiveRecord(x.name, save, () => api.update(x.id, { version: x.version, archived: true }))) {
      reference.forget()
      reload()
    }
  }

  return { admin, reference, region, search, data, loading, loadError, reload, rows, regionName, regionOptions, keyOptions, form, errors, saving, error, openAdd, openEdit, show, submit, archive }
}
