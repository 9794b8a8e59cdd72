import { Alert, App, Button, Card, Form, Grid, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, call, type Finding } from '../api/client.ts';
import { KIND_NAMES, STATUS_NAMES, translate } from '../i18n.ts';
import { LiveApplicantChanges } from '../changes/ChangesSinceDecision.tsx';
import { useI18n } from '../lang.tsx';
import { describePath, inputPathOf, isPlaced, STEP, STEP_KEYS, stepOfFinding } from './fields.ts';
import { stepErrors, stepStates, type StepState } from './steps.ts';
import { fieldId, type FieldContext } from './Field.tsx';
import { FaceStep } from './FaceStep.tsx';
import { MaterialsStep } from './MaterialsStep.tsx';
import { FindingList, ReviewStep } from './ReviewStep.tsx';
import { ServicesStep } from './ServicesStep.tsx';
import { PersonFields, SubjectStep } from './SubjectSteps.tsx';
import { useDraftOrder } from './useDraftOrder.ts';

const EDITABLE = ['draft', 'supplement_requested', 'provider_rejected', 'regulator_rejected'];

/** The applicant's filing wizard: six steps, pre-checked as they type, saved as they go. */
export function WizardPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const step = Math.min(Math.max(Number(params.get('step') ?? 0) || 0, 0), STEP.submit);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { t, pick, lang } = useI18n();
  const isNarrow = !Grid.useBreakpoint().md;
  const state = useDraftOrder(id);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [attempted, setAttempted] = useState<number[]>([]);
  /** The step whose 下一步 was refused for its errors: they are listed at its top until fixed. */
  const [blockedStep, setBlockedStep] = useState<number | null>(null);
  /** The truthfulness promise ticked on the submit page; submit waits for it. */
  const [hasPromised, setPromised] = useState(false);
  const isNextPending = useRef(false);
  const order = state.order;
  const isReadOnly = Boolean(order && !EDITABLE.includes(order.status));
  const isResubmission = Boolean(order && order.status !== 'draft');

  // A reviewer's or the regulator's reasons sit on the fields they name, beside the pre-check's findings.
  const reasonFindings: Finding[] = (order?.rejectReasons ?? [])
    .filter((r) => r.path)
    .map((r) => ({
      code: r.code,
      severity: 'error',
      path: r.path!,
      message: {
        zh: translate('zh', 'wizard.rejectedField', {
          message: r.message.zh,
          fix: r.fix.zh,
          note: r.note ? translate('zh', 'wizard.rejectedNote', { note: r.note }) : '',
        }),
        en: translate('en', 'wizard.rejectedField', {
          message: r.message.en,
          fix: r.fix.en,
          note: r.note ? translate('en', 'wizard.rejectedNote', { note: r.note }) : '',
        }),
      },
    }));
  // What the applicant must fix: a refused save (at its field) and the pre-check's findings. A reviewer's reasons are
  // shown too, but do not block: they stay until the order is resubmitted, however it was fixed.
  const blocking = [...state.refusals, ...state.findings];
  const findings = [...reasonFindings, ...blocking];
  const ctx: FieldContext = {
    draft: state.draft,
    findings,
    isAttempted: attempted.includes(step) || isResubmission,
    isReadOnly,
    update: state.update,
  };
  // Before the order exists, the pre-check's kind is shown once there is a subject to decide it for.
  const hasSubject = Boolean(
    (state.draft.subject as { certificate?: { number?: string } } | undefined)?.certificate?.number,
  );
  const kind = order?.kind ?? (hasSubject ? state.precheck?.kind : null) ?? null;
  const go = (next: number) => {
    setBlockedStep(null);
    setParams({ step: String(next) });
  };
  const states: StepState[] = stepStates({
    findings: blocking,
    isChecked: state.isChecked,
    hasOrder: Boolean(id),
    isSeen: (n) => n < step || attempted.includes(n) || isResubmission,
  });
  const currentErrors = isReadOnly ? [] : stepErrors(blocking, step);
  const unplaced = findings.filter(
    (f) => stepOfFinding(f) === step && step <= STEP.services && !isPlaced(f.path, state.draft),
  );

  // 下一步 blocks on the step's own errors (as Chinese cloud consoles do), listing them and scrolling to the list.
  async function next() {
    setAttempted((list) => (list.includes(step) ? list : [...list, step]));
    if (!state.isChecked) {
      isNextPending.current = true; // judged once the pre-check has caught up with the last keystroke
      return;
    }
    if (currentErrors.length > 0) {
      setBlockedStep(step);
      return;
    }
    if (id) return go(step + 1);
    setBusy(true);
    try {
      const created = await state.create();
      if (created) navigate(`/orders/${created}/edit?step=1`, { replace: true });
      else setBlockedStep(step);
    } catch (e) {
      const error = e as ApiError;
      // A refusal naming fields is shown at them (state.refusals); anything else is said here.
      if (!error.details.fields?.length) message.error(pick(error.bilingual));
    } finally {
      setBusy(false);
    }
  }
  useEffect(() => {
    if (!isNextPending.current || !state.isChecked) return;
    isNextPending.current = false;
    void next();
  });
  const blockedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (blockedStep === null) return;
    blockedRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    blockedRef.current?.focus({ preventScroll: true });
  }, [blockedStep]);
  const isBlocked = blockedStep === step && (currentErrors.length > 0 || !id);

  async function submit() {
    setBusy(true);
    setSubmitError(null);
    // One key per attempt: a double click or a retried request does not submit twice.
    const storageKey = `openbeian.submit-key.${id}`;
    const key = sessionStorage.getItem(storageKey) ?? `web-${crypto.randomUUID()}`;
    sessionStorage.setItem(storageKey, key);
    try {
      await call('POST /api/v1/orders/{id}/submit')({
        params: { id: id! },
        body: { promise: true },
        headers: { 'idempotency-key': key },
      });
      message.success(t('wizard.submitted'));
      navigate(`/orders/${id}`);
    } catch (e) {
      setSubmitError(e as ApiError);
    } finally {
      sessionStorage.removeItem(storageKey);
      setBusy(false);
    }
  }

  if (!state.isLoaded) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {order ? t('wizard.titleContinue') : t('wizard.titleNew')}{' '}
            {order && <Typography.Text type="secondary">#{order.number}</Typography.Text>}
          </Typography.Title>
          <Space wrap>
            {kind && (
              <Tag color="blue" data-testid="kind">
                {pick(KIND_NAMES[kind])}
              </Tag>
            )}
            <Tag
              data-precheck={state.isChecked ? 'settled' : 'pending'}
              color={state.isChecked ? 'default' : 'processing'}
            >
              {state.isChecked ? t('wizard.checked') : t('wizard.checking')}
            </Tag>
            {state.saveState === 'saving' && <Tag>{t('wizard.saving')}</Tag>}
            {state.saveState === 'saved' && <Tag color="green">{t('wizard.saved')}</Tag>}
            {state.saveState === 'offline' && <Tag color="orange">{t('wizard.savedLocally')}</Tag>}
            {state.saveState === 'failed' && <Tag color="orange">{t('journey.save.failed')}</Tag>}
            {state.saveState === 'signedOut' && <Tag color="orange">{t('journey.save.signedOut')}</Tag>}
            {state.saveState === 'refused' && (
              <Tag color="red" data-testid="save-refused">
                {t('journey.save.refused')}
              </Tag>
            )}
          </Space>
        </Space>
        {isNarrow && (
          // On a phone six titled steps would fill the screen: numbered dots, and the current step named below.
          <Typography.Text strong style={{ display: 'block', marginTop: 12 }} data-testid="step-title">
            {t('wizard.stepOf', { n: step + 1, total: STEP_KEYS.length, title: t(STEP_KEYS[step]!) })}
          </Typography.Text>
        )}
        <Steps
          current={step}
          size="small"
          style={{ marginTop: isNarrow ? 8 : 16 }}
          responsive={false}
          onChange={(n) => id && go(n)}
          items={STEP_KEYS.map((key, n) => ({
            title: isNarrow ? undefined : t(key),
            'aria-label': isNarrow ? `${n + 1} ${t(key)}` : undefined,
            status:
              n === step
                ? isBlocked
                  ? 'error'
                  : 'process'
                : states[n] === 'done'
                  ? 'finish'
                  : states[n] === 'error'
                    ? 'error'
                    : 'wait',
            'data-step-state': n === step ? 'current' : states[n],
            disabled: !id && n > 0,
          }))}
        />
      </Card>
      {order && isReadOnly && (
        <Alert
          type="info"
          showIcon
          title={t('wizard.readOnly', { status: pick(STATUS_NAMES[order.status]) })}
          action={<Link to={`/orders/${order.id}`}>{t('common.view')}</Link>}
        />
      )}
      {order && (order.status === 'provider_rejected' || order.status === 'regulator_rejected') && (
        <Alert
          type="error"
          showIcon
          title={t('wizard.rejectedBanner')}
          description={order.rejectReasons
            .map(
              (r) =>
                `${r.path ? describePath(r.path, lang) + '：' : ''}${pick(r.message)}${r.note ? `（${r.note}）` : ''}`,
            )
            .join('；')}
        />
      )}
      {order?.status === 'supplement_requested' && (
        <Alert
          type="warning"
          showIcon
          title={t('wizard.supplementBanner')}
          description={order.supplementItems
            .map((s) => `${s.path ? describePath(s.path, lang) + '：' : ''}${s.note}`)
            .join('；')}
        />
      )}
      {state.mergeNotice && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: state.dismissMergeNotice }}
          data-testid="merge-notice"
          title={t('wizard.merged')}
          description={
            state.mergeNotice.conflicts.length
              ? t('wizard.mergedConflicts', {
                  fields: state.mergeNotice.conflicts.map((p) => describePath(p, lang)).join('、'),
                })
              : t('wizard.mergedClean')
          }
        />
      )}
      {state.saveState === 'refused' && state.saveError && (
        <Alert
          type="error"
          showIcon
          data-testid="save-refused-banner"
          title={t('journey.save.refusedTitle', { reason: pick(state.saveError.bilingual) })}
          description={
            <>
              {state.refusals.map((f) => (
                <div key={f.path}>
                  {describePath(f.path, lang)}：{pick(f.message)}
                </div>
              ))}
              <div>{t('journey.save.refusedHelp')}</div>
            </>
          }
        />
      )}
      {state.loadError && !order && (
        <Alert type="warning" showIcon title={t('wizard.offline')} description={pick(state.loadError.bilingual)} />
      )}
      <Card>
        {isBlocked && (
          <div ref={blockedRef} tabIndex={-1} style={{ outline: 'none', marginBottom: 16 }}>
            <Alert
              type="error"
              showIcon
              data-testid="step-blocked"
              title={
                currentErrors.length > 0
                  ? t('journey.blocked', { n: currentErrors.length })
                  : t('journey.emptyFirstStep')
              }
              description={
                currentErrors.length > 0 && (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {currentErrors.map((f) => (
                      <li key={f.code + f.path + f.message.en} data-blocking={f.code}>
                        <a
                          href={`#${fieldId(inputPathOf(f.path))}`}
                          onClick={(e) => {
                            const input = document.getElementById(fieldId(inputPathOf(f.path)));
                            if (!input) return;
                            e.preventDefault();
                            input.scrollIntoView({ block: 'center' });
                            input.focus();
                          }}
                        >
                          {describePath(f.path, lang, order?.materials ?? [])}
                        </a>
                        ：{pick(f.message)}
                      </li>
                    ))}
                  </ul>
                )
              }
            />
          </div>
        )}
        <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
          {step === STEP.subject && <SubjectStep ctx={ctx} />}
          {step === STEP.leader && <PersonFields ctx={ctx} base="subject.leader" />}
          {step === STEP.services && <ServicesStep ctx={ctx} orderId={id} />}
          {step === STEP.materials && id && (
            <MaterialsStep
              orderId={id}
              precheck={state.precheck}
              materials={order?.materials ?? []}
              findings={state.findings}
              supplementItems={order?.status === 'supplement_requested' ? order.supplementItems : []}
              isReadOnly={isReadOnly}
              onUploaded={() => void state.reload()}
            />
          )}
          {step === STEP.face && id && (
            <FaceStep
              orderId={id}
              draft={state.draft}
              order={order}
              isReadOnly={isReadOnly}
              onVerified={() => void state.reload()}
            />
          )}
          {step === STEP.submit && id && isResubmission && !isReadOnly && (
            <LiveApplicantChanges orderId={id} version={order?.version} />
          )}
          {step === STEP.submit && (
            <ReviewStep
              draft={state.draft}
              precheck={state.precheck}
              isChecked={state.isChecked}
              materials={order?.materials ?? []}
              verifiedPersons={
                new Set((order?.faceVerifications ?? []).filter((f) => f.outcome === 'passed').map((f) => f.person))
              }
              states={states}
              promise={order?.promise}
              hasPromised={hasPromised}
              onPromise={setPromised}
              isReadOnly={isReadOnly}
              submitError={submitError}
              go={go}
            />
          )}
          {unplaced.length > 0 && ctx.isAttempted && (
            <div style={{ marginTop: 8 }}>
              <FindingList findings={unplaced} materials={order?.materials ?? []} />
            </div>
          )}
        </Form>
        <Space style={{ marginTop: 16 }}>
          {step > 0 && <Button onClick={() => go(step - 1)}>{t('wizard.previous')}</Button>}
          {step < STEP.submit && (
            <Button type="primary" onClick={() => void next()} loading={isBusy}>
              {t('wizard.next')}
            </Button>
          )}
          {step === STEP.submit && !isReadOnly && (
            <Button type="primary" onClick={() => void submit()} loading={isBusy} disabled={!hasPromised}>
              {isResubmission ? t('wizard.resubmit') : t('wizard.submit')}
            </Button>
          )}
          {step === STEP.submit && !isReadOnly && !hasPromised && (
            <Typography.Text type="secondary">{t('journey.promise.needed')}</Typography.Text>
          )}
        </Space>
      </Card>
    </Space>
  );
}
