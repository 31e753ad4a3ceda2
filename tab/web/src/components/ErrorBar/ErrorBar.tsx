import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { ApiError } from '../../api/client';
import { useErrorMessage } from '../../api/use-api';
import { useI18n } from '../../i18n/i18n';

/** A refusal of the request itself (400, 404, 409, 422…), which the server words in its title. */
function refusalTitle(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.status < 400 || error.status >= 500) return undefined;
  return error.status === 401 || error.status === 403 ? undefined : error.title;
}

/**
 * A failed call, in the user's language, with a retry when there is something to retry.
 * `refusal`: the answer to what the user just submitted, so the server's reason is shown as it
 * words it (an unknown person, a round already invited) rather than a generic message.
 */
export function ErrorBar({
  error,
  onRetry,
  refusal = false,
}: {
  error: unknown;
  onRetry?: () => void;
  refusal?: boolean;
}) {
  const { t } = useI18n();
  const message = useErrorMessage();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>{(refusal && refusalTitle(error)) || message(error)}</MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('error.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
