import { useMemo, useState, type FormEvent } from 'react';
import { z } from 'zod';

import { Alert } from '@/components/ui/alert/alert';
import { Button } from '@/components/ui/button/button';
import { Field } from '@/components/ui/field/field';
import { Select } from '@/components/ui/select/select';
import { useFormText, useZodForm } from '@/lib/forms';
import { translateFieldError } from '@/lib/i18n/error-text';
import type { MessageKey } from '@/lib/i18n/translate';
import { useLocale } from '@/lib/i18n/use-locale';
import { useCommitImport, type ImportMode, type ImportResult } from '@/features/imports/api/commit-import';
import { useDownloadImportFile } from '@/features/imports/api/download-import-file';
import { useUploadImport, type ImportKind, type ImportUpload } from '@/features/imports/api/upload-import';
import {
  useValidateImport,
  type ImportMapping,
  type ImportValidation,
} from '@/features/imports/api/validate-import';

/** Most row errors listed on the page; the report holds them all. */
const SHOWN_ERRORS = 100;

type Step = 'file' | 'mapping' | 'check' | 'done';

const STEPS: Step[] = ['file', 'mapping', 'check', 'done'];

const fieldLabel = (name: string) => `import_field_${name}` as MessageKey;

/**
 * The import of people or missions from a CSV/XLSX file, in four steps: the kind and the
 * file (templates to download), the mapping of the file's columns to the fields with a
 * preview of the first rows, the check of every row (errors by row and column, the report
 * to download, the mode), the result. The server keeps the file between steps.
 */
export function ImportWizard() {
  const { t, tError, locale } = useLocale();
  const upload = useUploadImport();
  const validate = useValidateImport();
  const commit = useCommitImport();
  const download = useDownloadImportFile();
  const [kind, setKind] = useState<ImportKind>('people');
  const [file, setFile] = useState<File | null>(null);
  const [uploaded, setUploaded] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [checked, setChecked] = useState<ImportValidation | null>(null);
  const [mode, setMode] = useState<ImportMode>('all_or_nothing');
  const [result, setResult] = useState<ImportResult | null>(null);
  const step: Step = result ? 'done' : checked ? 'check' : uploaded ? 'mapping' : 'file';

  const restart = () => {
    upload.reset();
    validate.reset();
    commit.reset();
    download.reset();
    setFile(null);
    setUploaded(null);
    setChecked(null);
    setResult(null);
    setMode('all_or_nothing');
  };

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    upload.mutate(
      { kind, file },
      {
        onSuccess: (out) => {
          setUploaded(out);
          setMapping({ ...out.suggested_mapping });
        },
      },
    );
  };

  const check = (chosen: ImportMapping) => {
    if (!uploaded) return;
    setMapping(chosen);
    validate.mutate({ id: uploaded.id, mapping: chosen }, { onSuccess: setChecked });
  };

  const run = (event: FormEvent) => {
    event.preventDefault();
    if (!uploaded) return;
    commit.mutate({ id: uploaded.id, mapping, mode }, { onSuccess: setResult });
  };

  const errorText = (error: ImportValidation['errors'][number]) =>
    translateFieldError(locale, { field: error.field ?? '', code: error.code, params: error.params });

  return (
    <div className="space-y-6">
      <ol className="flex flex-wrap gap-2 text-sm" aria-label={t('import_steps')}>
        {STEPS.map((name, index) => (
          <li
            key={name}
            aria-current={name === step ? 'step' : undefined}
            className={
              name === step
                ? 'rounded-full bg-primary px-3 py-1 font-medium text-primary-foreground'
                : 'rounded-full border border-border px-3 py-1 text-muted-foreground'
            }
          >
            {index + 1}. {t(`import_step_${name}` as MessageKey)}
          </li>
        ))}
      </ol>

      {step === 'file' ? (
        <form onSubmit={send} className="space-y-4 rounded-lg border border-border bg-surface p-4">
          <Field label={t('import_kind')}>
            {(control) => (
              <Select {...control} value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
                <option value="people">{t('import_kind_people')}</option>
                <option value="missions">{t('import_kind_missions')}</option>
              </Select>
            )}
          </Field>
          <Field label={t('import_file')} hint={t('import_file_hint')}>
            {(control) => (
              <input
                {...control}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                className="block w-full text-sm"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span className="text-muted-foreground">{t('import_templates')}</span>
            <Button
              type="button"
              variant="link"
              size="sm"
              onClick={() => download.mutate({ type: 'template', kind, format: 'csv' })}
            >
              {t('import_template_csv')}
            </Button>
            <Button
              type="button"
              variant="link"
              size="sm"
              onClick={() => download.mutate({ type: 'template', kind, format: 'xlsx' })}
            >
              {t('import_template_xlsx')}
            </Button>
          </div>
          {upload.error ? <Alert variant="danger">{tError(upload.error)}</Alert> : null}
          {download.error ? <Alert variant="danger">{tError(download.error)}</Alert> : null}
          <Button type="submit" disabled={!file || upload.isPending}>
            {t('import_send')}
          </Button>
        </form>
      ) : null}

      {step === 'mapping' && uploaded ? (
        <MappingForm
          uploaded={uploaded}
          initial={mapping}
          pending={validate.isPending}
          error={validate.error ? tError(validate.error) : null}
          onCheck={check}
          onRestart={restart}
        />
      ) : null}

      {step === 'check' && uploaded && checked ? (
        <form onSubmit={run} className="space-y-4 rounded-lg border border-border bg-surface p-4">
          <Alert variant={checked.invalid_count ? 'warning' : 'success'}>
            {t('import_check_summary', {
              rows: checked.row_count,
              valid: checked.valid_count,
              invalid: checked.invalid_count,
            })}
          </Alert>
          {checked.errors.length ? (
            <div className="space-y-2">
              <div className="overflow-x-auto">
                <table className="min-w-full text-left text-sm">
                  <caption className="mb-2 text-left font-medium">{t('import_errors')}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="border-b border-border px-2 py-1">{t('import_error_row')}</th>
                      <th scope="col" className="border-b border-border px-2 py-1">{t('import_error_column')}</th>
                      <th scope="col" className="border-b border-border px-2 py-1">{t('import_error_message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {checked.errors.slice(0, SHOWN_ERRORS).map((error, index) => (
                      <tr key={index}>
                        <td className="border-b border-border px-2 py-1">{error.row}</td>
                        <td className="border-b border-border px-2 py-1">{error.column ?? ''}</td>
                        <td className="border-b border-border px-2 py-1">{errorText(error)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Button
                type="button"
                variant="secondary"
                onClick={() => download.mutate({ type: 'report', id: uploaded.id })}
              >
                {t('import_download_report')}
              </Button>
              {download.error ? <Alert variant="danger">{tError(download.error)}</Alert> : null}
            </div>
          ) : null}
          <fieldset className="space-y-2">
            <legend className="font-medium">{t('import_mode')}</legend>
            {(['all_or_nothing', 'valid_rows'] as const).map((value) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name="import-mode"
                  value={value}
                  checked={mode === value}
                  onChange={() => setMode(value)}
                />
                {t(`import_mode_${value}` as MessageKey)}
              </label>
            ))}
          </fieldset>
          {commit.error ? <Alert variant="danger">{tError(commit.error)}</Alert> : null}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={commit.isPending}>
              {t('import_run')}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setChecked(null)}>
              {t('import_back_to_mapping')}
            </Button>
          </div>
        </form>
      ) : null}

      {step === 'done' && result ? (
        <div className="space-y-4 rounded-lg border border-border bg-surface p-4">
          <Alert variant="success">
            {t('import_result', { created: result.created, updated: result.updated, skipped: result.skipped })}
          </Alert>
          <Button type="button" onClick={restart}>
            {t('import_new')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The mapping step: for each field of the import, the file's column that fills it (a
 * required field must have one, checked under its select), and the first rows of the file.
 */
function MappingForm({
  uploaded,
  initial,
  pending,
  error,
  onCheck,
  onRestart,
}: {
  uploaded: ImportUpload;
  initial: ImportMapping;
  pending: boolean;
  error: string | null;
  onCheck: (mapping: ImportMapping) => void;
  onRestart: () => void;
}) {
  const { t } = useLocale();
  const errorText = useFormText();
  // One string per field ('' = not imported); the fields come with the uploaded file.
  const schema = useMemo(
    () =>
      z.object(
        Object.fromEntries(
          uploaded.fields.map((spec) => [spec.name, spec.required ? z.string().min(1, 'import_column_required') : z.string()]),
        ),
      ),
    [uploaded.fields],
  );
  const form = useZodForm(schema, {
    defaultValues: Object.fromEntries(uploaded.fields.map((spec) => [spec.name, initial[spec.name] ?? ''])),
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    onCheck(Object.fromEntries(Object.entries(values).map(([name, column]) => [name, column || null]))),
  );

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded-lg border border-border bg-surface p-4">
      <p className="text-sm text-muted-foreground">
        {t('import_file_summary', { file: uploaded.file_name, rows: uploaded.row_count })}
      </p>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-medium">{t('import_mapping')}</legend>
        {uploaded.fields.map((spec) => (
          <Field
            key={spec.name}
            label={`${t(fieldLabel(spec.name))}${spec.required ? ' *' : ''}`}
            error={errorText(errors[spec.name])}
          >
            {(control) => (
              <Select {...control} {...form.register(spec.name)}>
                <option value="">{t('import_not_imported')}</option>
                {uploaded.headers.map((header) => (
                  <option key={header} value={header}>
                    {header}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ))}
      </fieldset>
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="mb-2 text-left font-medium">{t('import_preview')}</caption>
          <thead>
            <tr>
              {uploaded.headers.map((header) => (
                <th key={header} scope="col" className="border-b border-border px-2 py-1 font-semibold">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {uploaded.preview.map((row, index) => (
              <tr key={index}>
                {row.map((cell, col) => (
                  <td key={col} className="border-b border-border px-2 py-1 whitespace-nowrap">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error ? <Alert variant="danger">{error}</Alert> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {t('import_check')}
        </Button>
        <Button type="button" variant="secondary" onClick={onRestart}>
          {t('import_restart')}
        </Button>
      </div>
    </form>
  );
}
