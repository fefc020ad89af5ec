// The half-monthly attraction dispatch sheet and the evidence files of lead steps.
// en; ../zh-CN/attraction_dispatch.js has the same keys. Merged in ../../messages.js.
export default {
  'dispatch.sheet': 'Dispatch sheet',
  'dispatch.xlsx': 'Dispatch sheet (Excel)',
  'dispatch.pdf': 'Dispatch sheet (PDF)',
  'dispatch.period': '{half} of {year}-{month}',
  'dispatch.first_half': 'First half',
  'dispatch.second_half': 'Second half',
  'dispatch.files': 'Evidence',
  'dispatch.upload': 'Upload',
  'dispatch.upload_hint': 'PDF, PNG or JPEG, at most 10 MB',
  'dispatch.uploaded': 'Evidence uploaded',
  'dispatch.leads_signed_amount': 'Leads signed, amount (10k yuan)',
}
