// Dictionary administration (字典管理).
// en; ../zh-CN/admin.js has the same keys. Merged in ../../messages.js.
export default {
  'admin.dictionaries': 'Dictionaries',
  'admin.dict_hint': 'Inactive entries can no longer be chosen; projects keep their value. Do not change a code once it is used.',
  'admin.code': 'Code',
  'admin.label_zh': 'Chinese label',
  'admin.label_en': 'English label',
  'admin.active': 'Active',
  'admin.order': 'Order',
  'admin.add': 'Add entry',
  'admin.reset': 'Revert',
  'admin.save': 'Save',
  'admin.saved': 'Saved',
}
