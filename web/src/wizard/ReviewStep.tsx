import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, List, Space, Tag, Typography } from 'antd';
import type { ApiError, Finding } from '../api/client.ts';
import type { Material, OrderView, PrecheckResult } from '../api/types.ts';
import { useI18n } from '../lang.tsx';
import { describePath, STEP, STEP_KEYS, stepOfFinding } from './fields.ts';
import { FilingSummary } from './FilingSummary.tsx';
import { stepErrors, type StepState } from './steps.ts';

type Draft = Record<string, unknown>;

const SEVERITY_COLOUR = { error: 'red', warning: 'orange', info: 'blue' } as const;

/** Findings as a list a person can act on: what, where, and a link to the step that fixes it. */
export function FindingList({
  findings,
  materials,
  go,
}: {
  findings: Finding[];
  materials: Material[];
  go?(step: number): void;
}) {
  const { t, pick, lang } = useI18n();
  if (findings.length === 0) return null;
  return (
    <List
      size="small"
      bordered
      dataSource={findings}
      renderItem={(f) => (
        <List.Item
          actions={
            go
              ? [
                  <Button key="go" type="link" size="small" onClick={() => go(stepOfFinding(f))}>
                    {t('wizard.fixIn', { step: t(STEP_KEYS[stepOfFinding(f)]!) })}
                  </Button>,
                ]
              : []
          }
        >
          <Space wrap size={4} align="start">
            <Tag color={SEVERITY_COLOUR[f.severity]}>{t(`severity.${f.severity}`)}</Tag>
            <Typography.Text strong>{describePath(f.path, lang, materials)}</Typography.Text>
            <span>{pick(f.message)}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** Step 6: what still blocks, each step's state, everything that will be filed, and the truthfulness promise. */
export function ReviewStep(props: {
  draft: Draft;
  precheck: PrecheckResult | null;
  isChecked: boolean;
  materials: Material[];
  verifiedPersons: Set<string>;
  states: StepState[];
  promise: OrderView['promise'] | undefined;
  hasPromised: boolean;
  onPromise(value: boolean): void;
  isReadOnly: boolean;
  submitError: ApiError | null;
  go(step: number): void;
}) {
  const { t, pick } = useI18n();
  const { precheck } = props;
  const findings = precheck?.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {!precheck || !props.isChecked ? (
        <Alert type="info" showIcon title={t('wizard.checking')} />
      ) : errors.length === 0 ? (
        <Alert
          type="success"
          showIcon
          title={t('wizard.ready')}
          description={findings.length ? t('wizard.readyWithWarnings', { n: findings.length }) : undefined}
        />
      ) : (
        <Alert type="warning" showIcon title={t('wizard.notReady', { n: errors.length })} />
      )}
      <List
        size="small"
        bordered
        data-testid="step-states"
        dataSource={STEP_KEYS.slice(0, STEP.submit).map((key, step) => ({ key, step }))}
        renderItem={({ key, step }) => (
          <List.Item
            data-step={step}
            data-state={props.states[step]}
            actions={
              props.states[step] !== 'done'
                ? [
                    <Button key="go" type="link" size="small" onClick={() => props.go(step)}>
                      {t('wizard.fixIn', { step: t(key) })}
                    </Button>,
                  ]
                : []
            }
          >
            <Space>
              {props.states[step] === 'done' ? (
                <CheckCircleFilled style={{ color: '#237804' }} aria-hidden />
              ) : (
                <ExclamationCircleFilled style={{ color: '#cf1322' }} aria-hidden />
              )}
              <Typography.Text>{t(key)}</Typography.Text>
              <Tag color={props.states[step] === 'done' ? 'green' : 'red'}>
                {props.states[step] === 'done'
                  ? t('journey.stepDone')
                  : stepErrors(findings, step).length > 0
                    ? t('journey.stepErrors', { n: stepErrors(findings, step).length })
                    : t('journey.stepTodo')}
              </Tag>
            </Space>
          </List.Item>
        )}
      />
      <FindingList findings={findings} materials={props.materials} go={props.go} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('journey.summary.title')}
      </Typography.Title>
      <FilingSummary
        draft={props.draft}
        materials={props.materials}
        required={precheck?.materials ?? null}
        verifiedPersons={props.verifiedPersons}
        masking="ids"
      />
      {props.promise && !props.isReadOnly && (
        <Card size="small" title={pick(props.promise.title)} data-testid="promise">
          <Typography.Paragraph style={{ marginBottom: 12 }}>{pick(props.promise.text)}</Typography.Paragraph>
          <Checkbox
            checked={props.hasPromised}
            onChange={(e) => props.onPromise(e.target.checked)}
            data-testid="promise-checkbox"
          >
            {t('journey.promise.agree', { title: pick(props.promise.title) })}
          </Checkbox>
        </Card>
      )}
      {props.submitError && (
        <Alert
          type="error"
          showIcon
          title={pick(props.submitError.bilingual)}
          description={
            <FindingList
              findings={props.submitError.details.findings ?? []}
              materials={props.materials}
              go={props.go}
            />
          }
        />
      )}
    </Space>
  );
}
