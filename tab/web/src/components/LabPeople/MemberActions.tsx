import { Button, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lab, LabMember } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { ConfirmDialog } from '../ConfirmDialog/ConfirmDialog';
import { personName } from '../LabPage/lab-view';
import type { LabWrites } from '../LabPage/use-lab';

/**
 * A lead's (or an admin's) changes to one member: lead or member, or out of the lab. The server
 * keeps at least one lead (409), and tells the refusal in the page's error bar.
 */
export function MemberActions({
  lab,
  member,
  writes,
  busy,
}: {
  lab: Lab;
  member: LabMember;
  writes: LabWrites;
  busy: string | null;
}) {
  const { t } = useI18n();
  const [removing, setRemoving] = useState(false);
  const objectId = member.person.objectId;
  if (!objectId) return null;
  const name = personName(t, member.person);
  const role = member.role === 'lead' ? 'member' : 'lead';
  return (
    <>
      <Button
        size="small"
        appearance="subtle"
        disabled={busy !== null}
        onClick={() => void writes.lab('role', (api) => api.setRole(lab.id, objectId, role))}
      >
        {t(role === 'lead' ? 'labs.people.makeLead' : 'labs.people.makeMember', { name })}
      </Button>
      <ConfirmDialog
        trigger={
          <Button size="small" appearance="subtle" disabled={busy !== null}>
            {t('labs.people.remove', { name })}
          </Button>
        }
        open={removing}
        onOpenChange={setRemoving}
        title={t('labs.people.removeTitle', { name })}
        confirmLabel={t('labs.people.removeConfirm')}
        dismissLabel={t('labs.cancel')}
        busy={busy === 'role'}
        onConfirm={() =>
          void writes
            .lab('role', (api) => api.removeMember(lab.id, objectId))
            .then(() => setRemoving(false))
        }
      >
        <Text as="p">{t('labs.people.removeBody', { name, title: lab.title })}</Text>
      </ConfirmDialog>
    </>
  );
}
