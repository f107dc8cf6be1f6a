/** The fields of a project's form, shared by the wizard's first step and the edit form. */
import { z } from 'zod';

export const projectFields = z.object({
  name: z.string().trim().min(1, 'form_required').max(200, 'form_invalid'),
  description: z.string(),
  starts_on: z.string(),
  ends_on: z.string(),
  managers: z.array(z.number()),
});

/** An end date, when both are given, is on or after the start (checked under the end field). */
export function withDatesInOrder<T extends z.ZodType<{ starts_on: string; ends_on: string }>>(schema: T) {
  return schema.refine((v) => !v.starts_on || !v.ends_on || v.ends_on >= v.starts_on, {
    path: ['ends_on'],
    message: 'projects_wizard_bad_dates',
  });
}

/** A new project, as the wizard's first step asks it. */
export const newProjectSchema = withDatesInOrder(projectFields);
