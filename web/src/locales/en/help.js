// The help of each page, in English; ../zh-CN/help.js has the same keys (and says more).
export default {
  'help.button': 'Help',
  'help.heading': 'About this page',

  'help.home':
    'The first page after logging in: the figures and to-dos of your role. The project office sees the start rate, warning lights, overdue problems and missing reports; a county leader the projects he is responsible for and the onsite visits owed; a unit the reports to file; a judge the observations to score. Click an item to go where it is handled.',
  'help.projects':
    "The year's key-project list, where the project office and the units find, add, import and export projects. Pick the year, filter by region, category, level or stage, or search by name; click a project to open and edit it. Units and leaders open on their own projects and may switch to all. The data is entered by the units or imported by the project office.",
  'help.project':
    "Everything about one key project; the project office and the lead unit may edit it. Edit the basic information and save; if someone saved the project meanwhile, their changes are shown to check first. 年度投资 keeps each year's plan and investment, the change log who changed what, and the supervision tab the project's milestones, problems and reports.",
  'help.rollover':
    "At the end of a year the project office builds next year's list from this one. Preview lists whether each project carries over (not completed: continuing) or why not, and takes next year's planned investment (10,000 yuan); confirm writes the new list.",
  'help.overview':
    "The headline figures of a county's (or the city's) key projects for a year: count, total investment, start rate, investment rate, by stage, category and town, compared with the year before. Pick the region and year; the figures come from the project list.",
  'help.supervision':
    'The supervision centre ("three lists and one table") for the project office, leaders and units: the problem list and its progress, your to-dos, the battle map and project map by progress and warning light, the leaders\' projects, onsite visits and permit durations. Click a problem to handle it.',
  'help.lights':
    "Every project's red, yellow or green warning light by the warning rules, and the count per town. Pick the region and the date; expand a row to see why the light is on (an overdue milestone, a missing report). The rules are set in the supervision settings.",
  'help.reports':
    'The weekly or monthly progress reports of every project. Units file the visual progress, investment and photos of the period; the project office approves them; below, the missing and late reports per unit. Pick the region and period; units open on their own projects.',
  'help.targets':
    "The region's targets (e.g. projects started or investment by 31 March and 31 December), progress so far and the value projected at the deadline; after the deadline, met or missed. The project office adds, edits and archives targets; others read.",
  'help.sup-settings':
    'The rules supervision runs by: warning-light thresholds, the report policy, the escalation of overdue problems, the onsite-visit rule, map tiles and the kinds of preparatory procedures. Everyone who reads projects may look; the project office and the administrator may change them.',
  'help.problem':
    'One problem of the problem list: what it is, its project, the units and leader responsible, the deadline, every step so far and the evidence. Only the actions you may take now are offered (sign, record handling, request or verify close-out). A problem is closed once its close-out is verified.',
  'help.land-efficiency':
    "The land-efficiency evaluation of the county's industrial enterprises, run by the project office. Pick the year (a city account also the county); import and check the enterprises' yearly data (land, tax, revenue) under enterprise data, then compute a run, take it through first review and publication, and fix the classes A to D. The scheme sets the indicators, weights and class shares; the policy list the measures per class.",
  'help.observations':
    'The observation events you may see. The organiser creates an event with its groups, judges and nominated projects, then opens scoring, closes it and publishes the results. Judges go from here to their scoring page.',
  'help.observation':
    "One observation event: its set-up, the judges' progress (counts only) and the organiser's buttons: edit while a draft, then open, close and publish. Once published, each group's ranking and chart are shown.",
  'help.observation-score':
    "A judge's scoring page, also for a phone. With score sheets, score each criterion of each project (up to its points; the total is the sum); with ballots, rank the group's projects. Until the event closes a new submission replaces the earlier one; judges see only their own scores.",
  'help.rankings':
    'Monthly, quarterly and annual rankings of towns, departments or chains. The project office sets up a scheme (who is ranked, metrics, weights, the red/yellow rule), then computes each period; the page shows the ranking, movement, red/yellow list, trend and bulletins.',
  'help.dictionaries':
    "The choices of the project list's fields: category, level, kind, track and stage. The administrator edits the labels and order and retires entries no longer used; existing projects keep their values.",
  'help.org-regions':
    'The regions within reach: the county, its towns, development zones and parks. The administrator adds a town or zone, renames, reorders and archives. Counties and above come from the national division codes.',
  'help.org-units':
    'The units of each region: county departments, town governments, park committees, state-owned companies. The administrator adds, edits and archives them, and imports or exports the organisation sheet from its template. Projects pick their lead and responsible units from here.',
  'help.org-people':
    'The people of each region: county leaders, department heads, project specialists, enterprise helpers and liaisons, with title, phone and unit. The administrator adds, edits, archives and imports them from the template. Leaders and specialists of projects are picked from here.',
  'help.org-teams':
    'Task forces: each with its lead, members and the projects it carries. The administrator adds, edits and archives them, filtered by region or searched by name.',
  'help.accounts':
    "The administrator opens log-in accounts here: login, name and first password, with roles (project office, leader, unit, read only, judge…) on a region and unit. A leader's account must be linked to the person to see his projects. Accounts can be disabled, enabled and their password reset.",
  'help.my-account':
    'Your own account: change the password (at least 12 characters), see where you are logged in and log out there or everywhere. If you forgot the password, ask the administrator to reset it.',
  'help.setup-checklist':
    'When a county starts, the administrator works through this list: towns, units, people, accounts, the project list, the supervision rules, and optionally targets and task forces. Each step shows its count and whether it is done, with a link to its page. Until the required steps are done, the administrator lands here after logging in.',
  'help.attraction':
    'The leads of a region by step: lead, negotiating, signed, registered, started, operating and ended, one card per lead. The figures above are those of the chosen day (signed projects and amount, those of 100 million yuan or more, started projects, funds in place), counting only the steps dated by then. The attraction office adds leads and exports the ledger; a card opens the lead.',
  'help.attraction-mine':
    'The leads you are in charge of, by step. A card shows each step with its date, contract number and the funds in place.',
  'help.lead':
    'One lead: the investor, the expected investment, the leader in charge, and each step with its date and evidence. Steps go forward one at a time, never dated before the previous one; a lead may be paused and resumed, or ended with a reason. Once signed, the funds in place are recorded month by month (fixed assets and working capital, foreign capital apart).',
  'help.enterprises':
    "The one list of the county's enterprises, keyed by their unified social credit code and shared by land efficiency, attraction, chains and services. Search by name or code, filter by tag (backbone enterprises), and see each enterprise's class in the latest published land-efficiency run. The project office registers and edits enterprises; everyone else reads those of their remit.",
  'help.enterprise':
    "One enterprise: its registration, tags, latest published land-efficiency class, revenue and tax by year with their growth, and the key projects it builds. The project office edits it and enters each year's revenue and tax; the growth of backbone enterprises counts toward the yearly targets.",
  'help.promotion-events':
    'This page records the promotion trips county leaders lead (industry topics, small groups, expos, business referrals): destination, companies met and leads created. A leader logs their own events; the county office may log anyone’s. The monthly tab shows, month by month, each leader’s events against the rule of at least one a month; missed months are red, the current month is in progress until it ends.',
  'help.chains':
    "The county's industrial chains (链长制) with their chief leader, chain leader and task force head, and their figures as of the chosen date: projects, total investment, start rate, open and overdue problems, weekly reports on time and chain visits. The project office keeps the chains; click a chain to open its page.",
  'help.chain':
    "One chain's map and lists: the upstream, midstream and downstream links with their anchor enterprises and gaps, and the chain's projects, enterprises and problems. The task force head files the weekly report in the Weekly reports tab, once a week; each week shows as on time, late or missing. Chain leaders log their visits to enterprises and projects in the Visits tab.",
  'help.target':
    "One target as of the chosen date. A composite goal (such as “420”) lists each part with its figure, goal and progress bar, and above them the whole: parts met and the overall completion. A funds target shows the funds in place this year up to the chosen month against the year's target. Every figure counts the start dates, signing and landing dates and funds months dated by the chosen day, so changing the date looks back."
}
