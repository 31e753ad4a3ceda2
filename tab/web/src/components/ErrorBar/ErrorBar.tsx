import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useErrorMessage } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';

/** A failed call, in the user's language, with a retry when there is something to retry. */
export function ErrorBar({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message = useErrorMessage();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{message(error)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('error.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
