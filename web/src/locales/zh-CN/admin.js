// Dictionary administration (字典管理).
// zh-CN (the fallback); ../en/admin.js has the same keys. Merged in ../../messages.js.
export default {
  'admin.dictionaries': '字典管理',
  'admin.dict_hint': '停用的条目不能再选，已有项目保留原值；代码一经使用请勿修改。',
  'admin.code': '代码',
  'admin.label_zh': '中文名称',
  'admin.label_en': '英文名称',
  'admin.active': '启用',
  'admin.order': '排序',
  'admin.add': '新增条目',
  'admin.reset': '还原',
  'admin.save': '保存',
  'admin.saved': '已保存',
}
