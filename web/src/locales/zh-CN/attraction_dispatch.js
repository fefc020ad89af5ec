// 双招双引 调度表 (half-monthly) and the evidence files of lead steps.
// zh-CN (the fallback); ../en/attraction_dispatch.js has the same keys. Merged in ../../messages.js.
export default {
  'dispatch.sheet': '调度表',
  'dispatch.xlsx': '调度表（Excel）',
  'dispatch.pdf': '调度表（PDF）',
  'dispatch.period': '{year}年{month}月{half}',
  'dispatch.first_half': '上半月',
  'dispatch.second_half': '下半月',
  'dispatch.files': '佐证材料',
  'dispatch.upload': '上传',
  'dispatch.upload_hint': 'PDF、PNG、JPG，不超过 10 MB',
  'dispatch.uploaded': '已上传佐证材料',
  'dispatch.leads_signed_amount': '签约线索金额（万元）',
}
