/** The one error type thrown by the API client, carrying the server's stable code. */

/** One field's error in `details`: the field, its stable code (`field.too_long`) and its params. */
export interface FieldError {
  field: string;
  code: string | null;
  params: Record<string, unknown>;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /**
   * Per-field errors from `details` (`[{field, code, params}]` or Litestar's `[{key, code,
   * params}]`), the first one of each field. Their words come from the catalog
   * (`useLocale().tFieldErrors`), never from the API's English `message`.
   */
  fieldErrors(): Record<string, FieldError> {
    const out: Record<string, FieldError> = {};
    if (!Array.isArray(this.details)) return out;
    for (const item of this.details as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const record = item as Record<string, unknown>;
      const field = record.field ?? record.key;
      if (typeof field !== 'string' || field in out) continue;
      const params = record.params;
      out[field] = {
        field,
        code: typeof record.code === 'string' ? record.code : null,
        params: typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {},
      };
    }
    return out;
  }
}

/** Code used when the server could not be reached at all. */
export const NETWORK_ERROR = 'network.unreachable';

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Builds an ApiError from any response, whether or not its body has the documented shape. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall through to the generic error.
  }
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message, details } = error as Record<string, unknown>;
      if (typeof code === 'string') {
        return new ApiError(
          response.status,
          code,
          typeof message === 'string' ? message : code,
          details,
        );
      }
    }
  }
  return new ApiError(
    response.status,
    `http.${response.status}`,
    response.statusText || `HTTP ${response.status}`,
  );
}
