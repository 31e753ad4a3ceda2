import { mergeClasses, Spinner, Tab, TabList, Text, Title1 } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { useApi, useLoad } from '../../api/use-api';
import type { Me } from '../../api/types';
import { useDirectoryLocale, useI18n } from '../../i18n/i18n';
import { useTeams } from '../../teams/teams-context';
import { DemoBanner } from '../DemoBanner/DemoBanner';
import { ErrorBar } from '../ErrorBar/ErrorBar';
import { MyResults } from '../MyResults/MyResults';
import { OVERVIEW_LINKS, type OverviewLink } from '../Overview/overview-links';
import { useShellStyles } from './Shell.styles';

// Managers and admins, when they open it: the programme at a glance, with its charts.
const Overview = lazy(() =>
  import('../Overview/Overview').then((module) => ({ default: module.Overview })),
);
// Only managers and admins open the dashboard: everyone else never downloads it.
const Dashboard = lazy(() =>
  import('../Dashboard/Dashboard').then((module) => ({ default: module.Dashboard })),
);
// Admins only, and only when they open it.
const Campaigns = lazy(() =>
  import('../Campaigns/Campaigns').then((module) => ({ default: module.Campaigns })),
);
// Facilitators only.
const MyPath = lazy(() =>
  import('../MyPath/MyPath').then((module) => ({ default: module.MyPath })),
);
// Everyone, when they open it: Call4Ideas.
const Ideas = lazy(() => import('../Ideas/Ideas').then((module) => ({ default: module.Ideas })));
// Admins only, and only when they open it: selection rounds, the roster and its training.
const Facilitators = lazy(() =>
  import('../Facilitators/Facilitators').then((module) => ({ default: module.Facilitators })),
);
// Admins and managers, when they open it; its results' charts load later still.
const Surveys = lazy(() =>
  import('../Surveys/Surveys').then((module) => ({ default: module.Surveys })),
);

// Everyone's labs; the lab page, board and cross-lab view load when opened.
const Labs = lazy(() => import('../Labs/Labs').then((module) => ({ default: module.Labs })));
// Everyone, when they open it: the logo contest.
const Contest = lazy(() =>
  import('../Contest/Contest').then((module) => ({ default: module.Contest })),
);
// Everyone, when they open it: the facilitators' workspace (its Markdown renderer later still).
const Workspace = lazy(() =>
  import('../Workspace/Workspace').then((module) => ({ default: module.Workspace })),
);

type Section =
  | 'results'
  | 'labs'
  | 'ideas'
  | 'contest'
  | 'workspace'
  | 'path'
  | 'overview'
  | 'dashboard'
  | 'surveys'
  | 'campaigns'
  | 'facilitators';
const ADMIN_SECTIONS = ['campaigns', 'facilitators'] as const;

export function canSeeDashboard(me: Pick<Me, 'roles'>): boolean {
  return me.roles.includes('manager') || me.roles.includes('admin');
}

/** The sections this person may open, in tab order. */
export function sectionsOf(me: Pick<Me, 'roles'>): Section[] {
  return [
    'results',
    'labs',
    'ideas',
    'contest',
    'workspace',
    ...(me.roles.includes('facilitator') ? (['path'] as const) : []),
    ...(canSeeDashboard(me) ? (['overview', 'dashboard', 'surveys'] as const) : []),
    ...(me.roles.includes('admin') ? ADMIN_SECTIONS : []),
  ];
}

/** Header, demo switcher (outside Teams) and the sections this person may open. */
export function Shell() {
  const { t } = useI18n();
  const { demo, place } = useTeams();
  const api = useApi();
  const styles = useShellStyles();
  const ids = useId();
  const loadMe = useCallback(() => api.me(), [api]);
  const [me, reloadMe] = useLoad(loadMe);
  useDirectoryLocale(me.state === 'loaded' ? me.value.locale : undefined);
  const [section, setSection] = useState<Section>(
    place?.kind === 'lab' ? 'labs' : place?.kind === 'post' ? 'workspace' : 'results',
  );

  const sections: Section[] = me.state === 'loaded' ? sectionsOf(me.value) : ['results'];
  const current = sections.includes(section) ? section : 'results';
  const label: Record<Section, string> = {
    results: t('nav.results'),
    labs: t('nav.labs'),
    ideas: t('nav.ideas'),
    path: t('nav.path'),
    overview: t('nav.overview'),
    dashboard: t('nav.dashboard'),
    surveys: t('nav.surveys'),
    campaigns: t('nav.campaigns'),
    facilitators: t('nav.facilitators'),
    contest: t('nav.contest'),
    workspace: t('nav.workspace'),
  };
  // A tile's link opens its screen as the tab list would, and puts the focus on that tab.
  const [jumped, setJumped] = useState(false);
  useEffect(() => {
    if (jumped) document.getElementById(`${ids}-tab-${current}`)?.focus();
  }, [jumped, current, ids]);
  const jump = (to: OverviewLink) => {
    setJumped(true);
    setSection(to);
  };
  const screens: Record<Exclude<Section, 'results'>, ReactNode> = {
    labs: me.state === 'loaded' && <Labs me={me.value} />,
    ideas: <Ideas admin={me.state === 'loaded' && me.value.roles.includes('admin')} />,
    path: <MyPath />,
    overview: (
      <Overview links={OVERVIEW_LINKS.filter((link) => sections.includes(link))} onOpen={jump} />
    ),
    dashboard: <Dashboard />,
    surveys: <Surveys admin={me.state === 'loaded' && me.value.roles.includes('admin')} />,
    campaigns: <Campaigns />,
    facilitators: <Facilitators />,
    contest: <Contest admin={me.state === 'loaded' && me.value.roles.includes('admin')} />,
    workspace: me.state === 'loaded' && <Workspace me={me.value} />,
  };

  return (
    <div className={styles.root}>
      {demo && (
        <div className={styles.screenOnly}>
          <DemoBanner demo={demo} />
        </div>
      )}
      <header className={mergeClasses(styles.header, styles.screenOnly)}>
        <Title1 as="h1">{t('app.title')}</Title1>
        {me.state === 'loaded' && me.value.displayName && (
          <Text className={styles.user}>
            {me.value.department
              ? t('app.user', { name: me.value.displayName, department: me.value.department })
              : me.value.displayName}
          </Text>
        )}
      </header>
      {me.state === 'loading' && <Spinner label={t('app.loading')} />}
      {me.state === 'failed' && <ErrorBar error={me.error} onRetry={reloadMe} />}
      {me.state === 'loaded' && (
        <>
          <TabList
            aria-label={t('nav.label')}
            selectedValue={current}
            onTabSelect={(_event, data) => {
              setJumped(false);
              setSection(data.value as Section);
            }}
            className={mergeClasses(styles.nav, styles.screenOnly)}
          >
            {sections.map((id) => (
              <Tab key={id} id={`${ids}-tab-${id}`} value={id} aria-controls={`${ids}-panel-${id}`}>
                {label[id]}
              </Tab>
            ))}
          </TabList>
          <main className={styles.panel}>
            <div
              id={`${ids}-panel-${current}`}
              role="tabpanel"
              aria-labelledby={`${ids}-tab-${current}`}
            >
              {current === 'results' ? (
                <MyResults />
              ) : (
                <Suspense fallback={<Spinner label={t('app.loading')} />}>
                  {screens[current]}
                </Suspense>
              )}
            </div>
          </main>
        </>
      )}
    </div>
  );
}
