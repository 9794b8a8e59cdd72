import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Popconfirm, Row, Select, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { call } from '../api/client.ts';
import type { ListPage, ServiceCodeView } from '../api/types.ts';
import { useLoad } from '../api/useLoad.tsx';
import { CONTENT_TYPE_NAMES, PLATFORM_NAMES, SERVICE_KIND_NAMES } from '../i18n.ts';
import { useI18n } from '../lang.tsx';
import { Field, fieldId, type FieldContext } from './Field.tsx';
import { getAt } from './paths.ts';
import { PersonFields, useOptions } from './SubjectSteps.tsx';
import { EMPTY_SERVICE } from './useDraftOrder.ts';

type Service = { kind?: string; leader?: unknown; filedNumber?: unknown };

/**
 * The applicant's service codes this order may use: not revoked, and bound to no order or to this one (a rejected
 * order being fixed keeps its codes). Codes are bound at submit, so another draft's typing does not hide one here.
 */
function useUsableCodes(orderId: string | undefined): ServiceCodeView[] {
  const codes = useLoad(
    () => call('GET /api/v1/service-codes')<ListPage<ServiceCodeView>>({ query: { pageSize: 100 } }),
    [],
  );
  return (codes.data?.items ?? []).filter(
    (c) => !c.revokedAt && (!c.boundOrder || (orderId !== undefined && c.boundOrder.id === orderId)),
  );
}

/** Step 3: the services — websites (one domain each since 2019), and optionally Apps and mini-programs. */
export function ServicesStep({ ctx, orderId }: { ctx: FieldContext; orderId?: string }) {
  const { t } = useI18n();
  const services = (ctx.draft.services as Service[] | undefined) ?? [];
  const codes = useUsableCodes(orderId);
  // Services carrying their filed number belong to a change order: a change edits them, it neither adds a service
  // (that is a new-service filing) nor drops one (that is a cancellation), so neither button is offered.
  const isChange = services.some((s) => typeof s.filedNumber === 'string');
  const add = (kind: 'website' | 'app') =>
    ctx.update(
      `services[${services.length}]`,
      kind === 'website'
        ? EMPTY_SERVICE
        : { kind: 'app', domains: [], leader: 'subject_leader', access: { ips: [] }, app: { platforms: [] } },
    );
  const remove = (index: number) =>
    ctx.update(
      'services',
      services.filter((_, i) => i !== index),
    );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {services.length === 0 && (
        // A new-service order starts with the subject on record and no service: say what this step wants.
        <Alert type="info" showIcon title={t('journey.services.empty')} data-testid="services-empty" />
      )}
      {services.map((service, index) => (
        <ServiceCard
          key={index}
          ctx={ctx}
          index={index}
          service={service}
          codes={codes}
          onRemove={services.length > 1 && !isChange ? () => remove(index) : undefined}
        />
      ))}
      {!ctx.isReadOnly && !isChange && (
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => add('website')}>
            {t('wizard.addWebsite')}
          </Button>
          <Button icon={<PlusOutlined />} onClick={() => add('app')}>
            {t('wizard.addApp')}
          </Button>
        </Space>
      )}
    </Space>
  );
}

function ServiceCard({
  ctx,
  index,
  service,
  codes,
  onRemove,
}: {
  ctx: FieldContext;
  index: number;
  service: Service;
  codes: ServiceCodeView[];
  onRemove?: () => void;
}) {
  const { t, pick } = useI18n();
  const options = useOptions();
  const base = `services[${index}]`;
  const isWebsite = (service.kind ?? 'website') === 'website';
  const hasOwnLeader = typeof service.leader === 'object' && service.leader !== null;
  const kindName = pick(SERVICE_KIND_NAMES[service.kind ?? 'website']) || t('field.service');
  return (
    <Card
      type="inner"
      title={
        <Space size={8} wrap>
          {`${kindName} ${index + 1}`}
          {/* On a change order each filed service carries its number: say which filing this card changes. */}
          {typeof service.filedNumber === 'string' && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid={`filed-number-${index}`}>
              {service.filedNumber}
            </Typography.Text>
          )}
        </Space>
      }
      extra={
        onRemove &&
        !ctx.isReadOnly && (
          <Popconfirm
            title={t('wizard.removeService')}
            onConfirm={onRemove}
            okText={t('common.remove')}
            cancelText={t('common.cancel')}
          >
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('wizard.removeService')} />
          </Popconfirm>
        )
      }
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Field
            ctx={ctx}
            path={`${base}.kind`}
            isRequired
            label={t('field.service.kind')}
            options={options(SERVICE_KIND_NAMES)}
          />
        </Col>
        <Col xs={24} md={12}>
          <Field
            ctx={ctx}
            path={`${base}.name`}
            isRequired
            label={isWebsite ? t('field.service.name') : t('field.app.name')}
            hint={isWebsite ? t('hint.siteName') : t('hint.appName')}
            also={[base]}
          />
        </Col>
        <Col xs={24} md={12}>
          <Field
            ctx={ctx}
            path={`${base}.domains[0].name`}
            isRequired={isWebsite}
            isLocked={isWebsite && typeof service.filedNumber === 'string'}
            label={isWebsite ? t('field.domain.name') : t('field.app.domain')}
            placeholder="example.cn"
            hint={
              isWebsite ? t(typeof service.filedNumber === 'string' ? 'hint.domainLocked' : 'hint.domain') : undefined
            }
            also={[`${base}.domains`, `${base}.domains[0]`]}
          />
        </Col>
        <Col xs={24} md={12}>
          <Field
            ctx={ctx}
            path={`${base}.domains[0].holder`}
            label={t('field.domain.holder')}
            hint={t('hint.domainHolder')}
          />
        </Col>
        <Col xs={24} md={6}>
          <Field
            ctx={ctx}
            path={`${base}.domains[0].realNameVerifiedOn`}
            type="date"
            label={t('field.domain.realNameVerifiedOn')}
          />
        </Col>
        <Col xs={24} md={6}>
          <Field ctx={ctx} path={`${base}.domains[0].expiresOn`} type="date" label={t('field.domain.expiresOn')} />
        </Col>
        {!isWebsite && (
          <>
            <Col xs={24} md={12}>
              <Field
                ctx={ctx}
                path={`${base}.app.platforms`}
                isRequired
                isMultiple
                label={t('field.app.platforms')}
                options={options(PLATFORM_NAMES)}
                also={[`${base}.app`]}
              />
            </Col>
            <Col xs={24} md={12}>
              <Field
                ctx={ctx}
                path={`${base}.app.packageName`}
                isRequired
                label={t('field.app.packageName')}
                placeholder="com.example.app"
              />
            </Col>
            <Col xs={24} md={12}>
              <Field
                ctx={ctx}
                path={`${base}.app.signatureMd5`}
                label={t('field.app.signatureMd5')}
                hint={t('hint.signature')}
              />
            </Col>
            <Col xs={24} md={12}>
              <Field ctx={ctx} path={`${base}.app.publicKey`} type="textarea" label={t('field.app.publicKey')} />
            </Col>
          </>
        )}
        <Col xs={24} md={12}>
          <Field
            ctx={ctx}
            path={`${base}.access.serviceCode`}
            isRequired
            label={t('field.access.serviceCode')}
            hint={
              <>
                {t('hint.serviceCode')}{' '}
                <Link to="/resources" style={{ textDecoration: 'underline' }}>
                  {t('hint.getServiceCode')}
                </Link>
              </>
            }
            also={[`${base}.access`]}
            addon={codes.length > 0 && <CodePicker ctx={ctx} base={base} codes={codes} />}
          />
        </Col>
        <Col xs={24} md={12}>
          <Field
            ctx={ctx}
            path={`${base}.access.ips[0]`}
            isRequired
            label={t('field.access.ips')}
            placeholder="47.96.1.10"
            also={[`${base}.access.ips`]}
          />
        </Col>
        <Col xs={24} md={12}>
          <Field
            ctx={ctx}
            path={`${base}.contentTypes[0]`}
            label={t('field.service.contentTypes')}
            options={options(CONTENT_TYPE_NAMES)}
            also={[`${base}.contentTypes`]}
          />
        </Col>
        {isWebsite && (
          <Col xs={24} md={12}>
            <Field
              ctx={ctx}
              path={`${base}.homepage`}
              label={t('field.service.homepage')}
              placeholder="https://www.example.cn/"
            />
          </Col>
        )}
      </Row>
      <Checkbox
        checked={!hasOwnLeader}
        disabled={ctx.isReadOnly}
        onChange={(e) => ctx.update(`${base}.leader`, e.target.checked ? 'subject_leader' : { idType: 'resident_id' })}
      >
        {t('wizard.sameLeader')}
      </Checkbox>
      {hasOwnLeader && (
        <div style={{ marginTop: 12 }}>
          <Typography.Title level={5}>{t('field.serviceLeader', { n: index + 1 })}</Typography.Title>
          <PersonFields ctx={ctx} base={`${base}.leader`} />
        </div>
      )}
    </Card>
  );
}

/**
 * Beside the service-code input: one of the applicant's issued codes, shown with its IPs. Choosing it fills the code
 * and, when no IP is entered yet, the resource's first IP; typing a code by hand still works.
 */
function CodePicker({ ctx, base, codes }: { ctx: FieldContext; base: string; codes: ServiceCodeView[] }) {
  const { t } = useI18n();
  const path = `${base}.access.serviceCode`;
  const current = getAt(ctx.draft, path);
  // A code another service of this draft already uses is shown but cannot be chosen twice.
  const taken = new Set(
    ((ctx.draft.services as { access?: { serviceCode?: unknown } }[] | undefined) ?? [])
      .map((s) => s.access?.serviceCode)
      .filter((c) => typeof c === 'string' && c !== current),
  );
  const pick = (code: string) => {
    const chosen = codes.find((c) => c.code === code);
    if (!chosen) return;
    ctx.update(path, chosen.code);
    const ips = getAt(ctx.draft, `${base}.access.ips`);
    const hasIp = Array.isArray(ips) && ips.some((ip) => typeof ip === 'string' && ip.trim() !== '');
    if (!hasIp && chosen.ips[0]) ctx.update(`${base}.access.ips[0]`, chosen.ips[0]);
  };
  return (
    <Select
      id={`${fieldId(path)}-pick`}
      aria-label={t('wizard.pickCode')}
      placeholder={t('wizard.pickCode')}
      disabled={ctx.isReadOnly}
      value={codes.some((c) => c.code === current) ? (current as string) : null}
      onChange={pick}
      style={{ flex: '1 1 200px', minWidth: 0, maxWidth: '100%' }}
      popupMatchSelectWidth={false}
      showSearch={{
        filterOption: (input, option) =>
          `${option?.value ?? ''} ${option?.title ?? ''}`.toLowerCase().includes(input.trim().toLowerCase()),
      }}
      labelRender={({ value }) => String(value)}
      options={codes.map((c) => ({
        value: c.code,
        title: c.ips.join(' '),
        disabled: taken.has(c.code),
        label: (
          <div data-code={c.code} style={{ maxWidth: 'calc(100vw - 48px)', whiteSpace: 'normal' }}>
            <div style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{c.code}</div>
            <div style={{ fontSize: 12, opacity: 0.75 }}>
              {t('wizard.pickCodeIps', { ips: c.ips.join('、') || '—' })} · {c.resource.label}
            </div>
          </div>
        ),
      }))}
    />
  );
}
