import { FluentProvider } from '@fluentui/react-components';
import { lazy, Suspense, type ReactNode } from 'react';
import { I18nProvider } from '../../i18n/i18n';
import { useTeams } from '../../teams/teams-context';
import { themes } from '../../teams/themes';
import { Shell } from '../Shell/Shell';
import { useAppStyles } from './App.styles';

/** The host's theme and language around any part of the tab (the app, or one component in a test). */
export function TabProviders({ children }: { children: ReactNode }) {
  const { theme, locale, localeFixed } = useTeams();
  const styles = useAppStyles();
  // The page's own styles sit on a div: a FluentProvider passes its className to every portal
  // (dialogs, dropdown lists), whose mount nodes would then cover the page at full height.
  return (
    <FluentProvider theme={themes[theme]}>
      <div className={styles.root}>
        <I18nProvider locale={locale} fixed={localeFixed}>
          {children}
        </I18nProvider>
      </div>
    </FluentProvider>
  );
}

// Only on the channel tab's configuration page.
const ChannelTabConfig = lazy(() =>
  import('../ChannelTabConfig/ChannelTabConfig').then((module) => ({
    default: module.ChannelTabConfig,
  })),
);

export function App() {
  const { userKey, place } = useTeams();
  return (
    <TabProviders>
      {place?.kind === 'lab-config' ? (
        <Suspense fallback={null}>
          <ChannelTabConfig key={userKey} />
        </Suspense>
      ) : (
        <Shell key={userKey} />
      )}
    </TabProviders>
  );
}
