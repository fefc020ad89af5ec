// Labels of the shared pieces (composables, components): the conflict dialog.
export default {
  'conflict.any_title': '已被他人修改',
  'conflict.any_text': '该记录已被他人修改：您编辑期间，其他人保存了新的版本。加载最新版本会放弃您的修改。',
  'print.print': '打印',
}
