// Chinese by default, English on request; the choice stays on the phone.
const texts = {
  zh: {
    appName: '团结 · 整改', skip: '跳到内容', loading: '正在加载…', login: '登录', logout: '退出', loginWhy: '用县里统一身份账号登录（联络员、一把手、督查组）。',
    online: '在线', offline: '离线', pending: '待发送 {n} 项', tabTasks: '任务', tabInbox: '待办', tabReview: '待销号', tabAgreement: '责任书', tabLeague: '排名',
    myTasks: '本单位整改任务', noTasks: '没有任务。', deadline: '期限', daysLeft: '剩 {n} 天', daysOver: '逾期 {n} 天', syncedAt: '同步于 {t}', notSynced: '尚未同步（离线）',
    RED: '红灯', YELLOW: '黄灯', GREEN: '绿灯',
    ASSIGNED: '已交办', IN_PROGRESS: '整改中', SUBMITTED: '已提交', VERIFIED: '已销号', REJECTED: '已退回', HANDED_BACK: '已退交',
    measures: '整改措施', unit: '责任单位', responsible: '责任人', state: '状态', timeline: '过程记录', evidence: '佐证材料', report: '完成情况报告',
    start: '开始整改', submit: '提交销号申请', photos: '照片（用手机拍摄）', submitQueued: '已保存，联网后自动发送（{n} 张照片）。', submitted: '已提交，等待督查组销号。',
    extension: '申请延期', reason: '理由', requestedDeadline: '申请延至', send: '发送', verify: '销号', reject: '退回', rejectReason: '退回理由',
    takenAt: '拍摄时间', place: '地点', predates: '早于任务交办', noCapture: '无拍摄信息',
    inbox: '待办事项', noInbox: '没有待办事项。', markRead: '标为已读', agreementToSign: '目标责任书待签署', agreementToResign: '一把手已更换：责任书待重新签署', agreementToCountersign: '乙方已签署：责任书待会签', countersign: '会签',
    NEW_TASK: '新交办任务', URGED: '催办', DEADLINE_NEAR: '三天内到期', OVERDUE: '已逾期', EXTENSION_DECIDED: '延期申请已答复', TO_VERIFY: '待销号',
    EXTENSION_REQUESTED: '延期申请待审批', OVERDUE_AT_OFFICE: '辖区任务逾期',
    review: '待销号任务', noReview: '没有待销号的任务。', agreement: '目标责任书', noAgreement: '没有需要您处理的责任书。', clauses: '条款', targets: '考核指标', weight: '分值',
    contentHash: '签署内容的 SHA-256', sign: '签署', signNote: '签署即确认上述内容，签名由系统盖章，任何人可用公布的公钥验证。', signatures: '签名与印章',
    sealOk: '印章验证通过：内容与签名均未改动', sealByService: '{algorithm} 印章由服务端核验（浏览器不支持该算法）', sealBad: '印章验证未通过', signedBy: '{name}（{role}）于 {at} 签署', SIGN: '乙方签署', COUNTERSIGN: '甲方会签',
    ISSUED: '待签署', SIGNED: '已签署', ACTIVE: '已生效', ASSESSED: '已考核', REVOKED: '已撤销', SUPERSEDED: '已被新版本取代',
    league: '乡镇排名', noTownships: '您的管辖范围内没有乡镇。', township: '乡镇', open: '未完成', verified: '已销号', overdueCount: '逾期', closureRate: '销号率', spread: '乡镇间差距',
    unitPage: '单位主页', dossier: '创建档案', recordActivity: '记录一次活动', activityTitle: '活动名称', date: '日期', placeName: '地点', kind: '类型',
    finding: '记录督查发现问题', indicators: '测评指标代码（逗号分隔）', queued: '已保存在手机上，联网后自动发送。', inspections: '督查', category: '问题类别', severity: '严重程度', description: '问题描述', saved: '已保存。',
    conflict: '有人已更改此任务：请对照后决定', mine: '您的操作', theirs: '服务器上的当前版本', retry: '按当前版本重新发送', discard: '放弃我的操作',
    failed: '发送失败：{detail}', notAllowed: '您无权执行此操作。', error: '出错了：{detail}', back: '返回',
    PUBLICITY: '宣传教育', MEETING: '会议', TRAINING: '培训', EVENT: '活动', OTHER: '其他', LOW: '一般', MEDIUM: '较重', HIGH: '严重'
  },
  en: {
    appName: 'Tuanjie · Rectification', skip: 'Skip to content', loading: 'Loading…', login: 'Log in', logout: 'Log out', loginWhy: 'Log in with your county account (liaison, principal leader, inspector).',
    online: 'online', offline: 'offline', pending: '{n} waiting to send', tabTasks: 'Tasks', tabInbox: 'Inbox', tabReview: 'Sign-off', tabAgreement: 'Agreement', tabLeague: 'League',
    myTasks: "My unit's tasks", noTasks: 'No tasks.', deadline: 'Deadline', daysLeft: '{n} days left', daysOver: '{n} days overdue', syncedAt: 'Synced {t}', notSynced: 'Not synced yet (offline)',
    RED: 'Red', YELLOW: 'Yellow', GREEN: 'Green',
    ASSIGNED: 'Assigned', IN_PROGRESS: 'In progress', SUBMITTED: 'Submitted', VERIFIED: 'Verified', REJECTED: 'Rejected', HANDED_BACK: 'Handed back',
    measures: 'Measures', unit: 'Responsible unit', responsible: 'Responsible person', state: 'State', timeline: 'Timeline', evidence: 'Evidence', report: 'Completion report',
    start: 'Start work', submit: 'Submit for sign-off', photos: 'Photos (take with the camera)', submitQueued: 'Saved; it will be sent when online ({n} photos).', submitted: 'Submitted; waiting for sign-off.',
    extension: 'Ask for an extension', reason: 'Reason', requestedDeadline: 'New deadline', send: 'Send', verify: 'Verify (sign off)', reject: 'Reject', rejectReason: 'Reason for rejecting',
    takenAt: 'Taken', place: 'Place', predates: 'predates the task', noCapture: 'no capture data',
    inbox: 'What needs you', noInbox: 'Nothing needs you.', markRead: 'Mark read', agreementToSign: 'Responsibility agreement to sign', agreementToResign: 'Leader changed: agreement to sign again', agreementToCountersign: 'Signed by party B: to countersign', countersign: 'Countersign',
    NEW_TASK: 'New task', URGED: 'Urged', DEADLINE_NEAR: 'Due within 3 days', OVERDUE: 'Overdue', EXTENSION_DECIDED: 'Extension decided', TO_VERIFY: 'To sign off',
    EXTENSION_REQUESTED: 'Extension to decide', OVERDUE_AT_OFFICE: 'Overdue in your reach',
    review: 'Waiting for sign-off', noReview: 'Nothing waits for sign-off.', agreement: 'Responsibility agreement', noAgreement: 'No agreement needs you.', clauses: 'Clauses', targets: 'Targets', weight: 'Points',
    contentHash: 'SHA-256 of the content signed', sign: 'Sign', signNote: 'Signing confirms the content above; the suite seals the signature and anyone can verify it with the published key.', signatures: 'Signatures and seals',
    sealOk: 'Seal verified: neither content nor signatures changed', sealByService: 'The {algorithm} seal was checked by the service (browsers cannot check it)', sealBad: 'Seal verification failed', signedBy: '{name} ({role}) signed at {at}', SIGN: 'Party B signs', COUNTERSIGN: 'Party A countersigns',
    ISSUED: 'To sign', SIGNED: 'Signed', ACTIVE: 'In force', ASSESSED: 'Assessed', REVOKED: 'Revoked', SUPERSEDED: 'Superseded',
    league: 'Township league', noTownships: 'No township lies in your reach.', township: 'Township', open: 'Open', verified: 'Verified', overdueCount: 'Overdue', closureRate: 'Closure rate', spread: 'Spread between townships',
    unitPage: 'Unit page', dossier: 'Dossier', recordActivity: 'Record an activity', activityTitle: 'Title', date: 'Date', placeName: 'Place', kind: 'Kind',
    finding: 'Record a finding', indicators: 'Indicator codes (comma separated)', queued: 'Kept on the phone; it goes out when online.', inspections: 'Inspections', category: 'Category', severity: 'Severity', description: 'Description', saved: 'Saved.',
    conflict: 'Someone changed this task: compare and decide', mine: 'Your action', theirs: 'Current version on the server', retry: 'Send again on the current version', discard: 'Drop my action',
    failed: 'Not sent: {detail}', notAllowed: 'You may not do this.', error: 'Something went wrong: {detail}', back: 'Back',
    PUBLICITY: 'Publicity', MEETING: 'Meeting', TRAINING: 'Training', EVENT: 'Event', OTHER: 'Other', LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High'
  }
};

export let lang = localStorage.getItem('lang') === 'en' ? 'en' : 'zh';

export function setLang(next) {
  lang = next;
  localStorage.setItem('lang', next);
  document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
}

export function t(key, vars = {}) {
  if (key == null) return '';
  const text = texts[lang][key] ?? texts.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }) : '';
}
