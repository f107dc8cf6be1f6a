/** The one error type thrown by the API client, carrying the server's stable code. */

export interface FieldError {
  field: string;
  message: string;
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

  /** Per-field messages from `details` (`[{field, message}]` or Litestar's `[{key, message}]`). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!Array.isArray(this.details)) return out;
    for (const item of this.details as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const record = item as Record<string, unknown>;
      const field = record.field ?? record.key;
      const message = record.message;
      if (typeof field === 'string' && typeof message === 'string' && !(field in out)) {
        out[field] = message;
      }
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
