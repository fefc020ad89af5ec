// Labels of the shared pieces (composables, components): the conflict dialog.
export default {
  'conflict.any_title': 'Changed by someone else',
  'conflict.any_text':
    'Someone else saved a newer version while you were editing. Loading the latest version discards your edits.',
  'print.print': 'Print',
}
