// The user-facing detail of an error, for messages shown beside a field.
import { XieshangError } from '../errors';

/** The detail of a BadInputError ("日期不存在：…"), without the "输入无效：" prefix. */
export function detailOf(err: unknown): string {
  if (err instanceof XieshangError && typeof err.params.detail === 'string') return err.params.detail;
  return err instanceof Error ? err.message : String(err);
}
