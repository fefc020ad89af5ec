// The label tables, one file per language per capability under locales/: locales/zh-CN/<cap>.js
// and locales/en/<cap>.js hold the same keys, so a label and its translation are edited side by
// side. zh-CN is complete and is the fallback (see i18n.js). Field labels ("field.<identifier>")
// use the GLOSSARY identifiers. A key lives in exactly one capability (i18n.test.js checks).
//
// To add a capability: create locales/zh-CN/<cap>.js and locales/en/<cap>.js, import both below
// and list them in `tables`.
import commonZh from './locales/zh-CN/common.js'
import appZh from './locales/zh-CN/app.js'
import ledgerZh from './locales/zh-CN/ledger.js'
import overviewZh from './locales/zh-CN/overview.js'
import adminZh from './locales/zh-CN/admin.js'
import supervisionZh from './locales/zh-CN/supervision.js'
import supervisionSettingsZh from './locales/zh-CN/supervision_settings.js'
import assessmentZh from './locales/zh-CN/assessment.js'
import landEfficiencyZh from './locales/zh-CN/land_efficiency.js'
import orgZh from './locales/zh-CN/org.js'
import accountsZh from './locales/zh-CN/accounts.js'
import setupZh from './locales/zh-CN/setup.js'
import yearsZh from './locales/zh-CN/years.js'
import errorsZh from './locales/zh-CN/errors.js'
import homeZh from './locales/zh-CN/home.js'
import helpZh from './locales/zh-CN/help.js'
import attractionZh from './locales/zh-CN/attraction.js'
import enterprisesZh from './locales/zh-CN/enterprises.js'
import eventsZh from './locales/zh-CN/events.js'
import chainsZh from './locales/zh-CN/chains.js'

import commonEn from './locales/en/common.js'
import appEn from './locales/en/app.js'
import ledgerEn from './locales/en/ledger.js'
import overviewEn from './locales/en/overview.js'
import adminEn from './locales/en/admin.js'
import supervisionEn from './locales/en/supervision.js'
import supervisionSettingsEn from './locales/en/supervision_settings.js'
import assessmentEn from './locales/en/assessment.js'
import landEfficiencyEn from './locales/en/land_efficiency.js'
import orgEn from './locales/en/org.js'
import accountsEn from './locales/en/accounts.js'
import setupEn from './locales/en/setup.js'
import yearsEn from './locales/en/years.js'
import errorsEn from './locales/en/errors.js'
import homeEn from './locales/en/home.js'
import helpEn from './locales/en/help.js'
import attractionEn from './locales/en/attraction.js'
import enterprisesEn from './locales/en/enterprises.js'
import eventsEn from './locales/en/events.js'
import chainsEn from './locales/en/chains.js'
// 双招双引 调度表 and lead-step evidence (dispatch15)
import attractionDispatchZh from './locales/zh-CN/attraction_dispatch.js'
import attractionDispatchEn from './locales/en/attraction_dispatch.js'
import targetsZh from './locales/zh-CN/targets.js'
import targetsEn from './locales/en/targets.js'


/** Per language, per capability: the tables as written, for the tests (no key in two of them). */
export const tables = {
  'zh-CN': {
    common: commonZh,
    app: appZh,
    ledger: ledgerZh,
    overview: overviewZh,
    admin: adminZh,
    supervision: supervisionZh,
    supervision_settings: supervisionSettingsZh,
    assessment: assessmentZh,
    land_efficiency: landEfficiencyZh,
    org: orgZh,
    accounts: accountsZh,
    setup: setupZh,
    years: yearsZh,
    errors: errorsZh,
    home: homeZh,
    help: helpZh,
    attraction: attractionZh,
    enterprises: enterprisesZh,
    events: eventsZh,
    chains: chainsZh,
    attraction_dispatch: attractionDispatchZh,
    targets: targetsZh,
  },
  en: {
    common: commonEn,
    app: appEn,
    ledger: ledgerEn,
    overview: overviewEn,
    admin: adminEn,
    supervision: supervisionEn,
    supervision_settings: supervisionSettingsEn,
    assessment: assessmentEn,
    land_efficiency: landEfficiencyEn,
    org: orgEn,
    accounts: accountsEn,
    setup: setupEn,
    years: yearsEn,
    errors: errorsEn,
    home: homeEn,
    help: helpEn,
    attraction: attractionEn,
    enterprises: enterprisesEn,
    events: eventsEn,
    chains: chainsEn,
    attraction_dispatch: attractionDispatchEn,
    targets: targetsEn,
  },
}

function merge(byCapability) {
  return Object.assign({}, ...Object.values(byCapability))
}

/** One flat table per language: messages[lang][key]. */
export const messages = {
  'zh-CN': merge(tables['zh-CN']),
  en: merge(tables.en),
}
