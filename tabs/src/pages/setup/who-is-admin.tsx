import { Caption1 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { MeResponse } from '../../../../contract/api-contract';
import { useServices } from '../../app/services-context';
import { useI18n } from '../../i18n/i18n-context';

/**
 * Who is admin and how that changes, under the role lists: the caller's own roles and the id the
 * lists name them by (from /api/me, decided by the one rule on the server), then where admins come from.
 */
export function WhoIsAdmin() {
  const { api } = useServices();
  const { t } = useI18n();
  const [me, setMe] = useState<MeResponse | null>(null);
  useEffect(() => {
    let current = true;
    api.me().then(
      (m) => current && setMe(m),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <>
      {me && <Caption1 as="p">{me.roles.includes('admin') ? t.rolesYouAreAdmin(me.name, me.id) : t.rolesYouAreNotAdmin(me.name, me.id)}</Caption1>}
      <Caption1 as="p">{t.rolesHowToChange}</Caption1>
    </>
  );
}
