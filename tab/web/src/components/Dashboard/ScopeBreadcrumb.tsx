import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
} from '@fluentui/react-components';
import { Fragment } from 'react';
import { useI18n } from '../../i18n/i18n';

/**
 * Where an opened unit sits below the caller's whole scope: each level above it is a button
 * back up to it, the unit shown is the current one.
 */
export function ScopeBreadcrumb({
  root,
  scope,
  onOpen,
}: {
  root: readonly string[];
  scope: readonly string[];
  onOpen: (unit: readonly string[] | undefined) => void;
}) {
  const { t } = useI18n();
  const levels = scope.slice(root.length).map((_segment, i) => scope.slice(0, root.length + i + 1));
  const nameOf = (path: readonly string[]) => path.at(-1) ?? t('dashboard.scopeAll');
  return (
    <Breadcrumb aria-label={t('dashboard.levels')}>
      <BreadcrumbItem>
        <BreadcrumbButton onClick={() => onOpen(undefined)}>{nameOf(root)}</BreadcrumbButton>
      </BreadcrumbItem>
      {levels.map((path, i) => {
        const current = i === levels.length - 1;
        return (
          <Fragment key={path.join('\u0000')}>
            <BreadcrumbDivider />
            <BreadcrumbItem>
              <BreadcrumbButton
                current={current}
                onClick={current ? undefined : () => onOpen(path)}
              >
                {nameOf(path)}
              </BreadcrumbButton>
            </BreadcrumbItem>
          </Fragment>
        );
      })}
    </Breadcrumb>
  );
}
