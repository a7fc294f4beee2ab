import type { XieshangApi } from '../../../shared/contract';

/** window.xieshang, or null when the preload / harness bridge is missing. */
export function getApi(): XieshangApi | null {
  return typeof window !== 'undefined' && 'xieshang' in window && window.xieshang ? window.xieshang : null;
}

/** window.xieshang; only call once boot has confirmed it exists. */
export function api(): XieshangApi {
  return window.xieshang;
}
