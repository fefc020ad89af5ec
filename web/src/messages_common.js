// Messages of the shared pieces (composables, components): spread at the top of messages.js.
export const commonMessages = {
  'zh-CN': {
    'conflict.any_title': '已被他人修改',
    'conflict.any_text': '该记录已被他人修改：您编辑期间，其他人保存了新的版本。加载最新版本会放弃您的修改。',
  },
  en: {
    'conflict.any_title': 'Changed by someone else',
    'conflict.any_text': 'Someone else saved a newer version while you were editing. Loading the latest version discards your edits.',
  },
}
