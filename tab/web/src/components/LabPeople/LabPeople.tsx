import { Badge, Button, Subtitle2, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lab, LabPending } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDate } from '../Campaigns/campaign-view';
import { personName } from '../LabPage/lab-view';
import type { LabWrites } from '../LabPage/use-lab';
import { LabPeoplePicker, type PickedPerson } from './LabPeoplePicker';
import { useLabPeopleStyles } from './LabPeople.styles';
import { MemberActions } from './MemberActions';

function Requests({ lab, writes, busy }: { lab: Lab; writes: LabWrites; busy: string | null }) {
  const { t, locale } = useI18n();
  const styles = useLabPeopleStyles();
  const answer = (pending: LabPending, verdict: 'approve' | 'decline') => {
    const objectId = pending.person.objectId;
    if (objectId) void writes.lab('request', (api) => api.answerRequest(lab.id, objectId, verdict));
  };
  return (
    <section className={styles.section} aria-labelledby="lab-requests">
      <Subtitle2 as="h3" id="lab-requests">
        {t('labs.people.requests')}
      </Subtitle2>
      <ul className={styles.list}>
        {lab.requests.map((r) => {
          const name = personName(t, r.person);
          return (
            <li key={r.person.objectId ?? r.at} className={styles.person}>
              <Text>{t('labs.people.askedOn', { name, date: formatDate(r.at, locale) })}</Text>
              <Button
                appearance="primary"
                size="small"
                disabled={busy !== null}
                onClick={() => answer(r, 'approve')}
                aria-label={t('labs.people.approveLabel', { name })}
              >
                {t('labs.people.approve')}
              </Button>
              <Button
                size="small"
                disabled={busy !== null}
                onClick={() => answer(r, 'decline')}
                aria-label={t('labs.people.declineLabel', { name })}
              >
                {t('labs.people.decline')}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Invite({ lab, writes, busy }: { lab: Lab; writes: LabWrites; busy: string | null }) {
  const { t } = useI18n();
  const styles = useLabPeopleStyles();
  const [picked, setPicked] = useState<PickedPerson[]>([]);
  const inLab = [...lab.members, ...lab.invitations, ...lab.requests].flatMap((m) =>
    m.person.objectId ? [m.person.objectId] : [],
  );
  return (
    <section className={styles.section} aria-labelledby="lab-invite">
      <Subtitle2 as="h3" id="lab-invite">
        {t('labs.people.invite')}
      </Subtitle2>
      <Text as="p" block className={styles.meta}>
        {t('labs.people.inviteHint')}
      </Text>
      <LabPeoplePicker
        label={t('labs.people.invitePeople')}
        picked={picked}
        onChange={setPicked}
        exclude={inLab}
      />
      <div>
        <Button
          appearance="primary"
          disabled={busy !== null || picked.length === 0}
          onClick={() =>
            void writes.lab('invite', async (api) => {
              const answer = await api.invite(
                lab.id,
                picked.map((p) => p.objectId),
              );
              setPicked([]);
              return answer;
            })
          }
        >
          {t('labs.people.sendInvitations')}
        </Button>
      </div>
    </section>
  );
}

/** Who is in the lab (a person erased since is a "former member"), and for leads who asks or is invited. */
export function LabPeople({
  lab,
  writes,
  busy,
}: {
  lab: Lab;
  writes: LabWrites;
  busy: string | null;
}) {
  const { t } = useI18n();
  const styles = useLabPeopleStyles();
  const open = lab.status !== 'concluded';
  return (
    <div className={styles.root}>
      {lab.permissions.manage && lab.requests.length > 0 && (
        <Requests lab={lab} writes={writes} busy={busy} />
      )}
      <section className={styles.section} aria-labelledby="lab-members">
        <Subtitle2 as="h3" id="lab-members">
          {t('labs.people.members', { count: lab.members.length })}
        </Subtitle2>
        <ul className={styles.list}>
          {lab.members.map((m, i) => (
            <li key={m.person.objectId ?? `former-${i}`} className={styles.person}>
              <Text>{personName(t, m.person)}</Text>
              {m.role === 'lead' && <Badge appearance="tint">{t('labs.people.lead')}</Badge>}
              {m.department && <Text className={styles.meta}>{m.department}</Text>}
              {lab.permissions.manage && open && (
                <MemberActions lab={lab} member={m} writes={writes} busy={busy} />
              )}
            </li>
          ))}
        </ul>
      </section>
      {lab.permissions.manage && lab.invitations.length > 0 && (
        <section className={styles.section} aria-labelledby="lab-invited">
          <Subtitle2 as="h3" id="lab-invited">
            {t('labs.people.invited')}
          </Subtitle2>
          <ul className={styles.list}>
            {lab.invitations.map((p, i) => (
              <li key={p.person.objectId ?? `former-${i}`} className={styles.person}>
                <Text>{personName(t, p.person)}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {lab.permissions.manage && open && <Invite lab={lab} writes={writes} busy={busy} />}
    </div>
  );
}
