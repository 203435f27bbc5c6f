import { Caption1, Link } from '@fluentui/react-components';
import { useServices } from '../../app/services-context';
import { useI18n } from '../../i18n/i18n-context';

/** An invoice's number linking to it in Business Central (opened through Teams), or why there is none. */
export function InvoiceLink(props: { number: string | null; url: string | null }) {
  const { openLink } = useServices();
  const { t } = useI18n();
  const { number, url } = props;
  if (number === null) return <Caption1>{t.noInvoiceNumber}</Caption1>;
  if (url === null) return <span>{number}</span>;
  return (
    <Link
      href={url}
      target="_blank"
      rel="noreferrer"
      aria-label={t.openInBc(number)}
      onClick={(e) => {
        e.preventDefault();
        openLink(url);
      }}
    >
      {number}
    </Link>
  );
}
