// Forms with edits not yet saved say so here; the shell asks before leaving a section
// (renderer/src/screens/ShellScreen.tsx), so typed work is never dropped silently.
import { useEffect, useId } from 'react';

const dirty = new Set<string>();

/** Registers while `isDirty` holds; unregisters on save (isDirty false) or unmount. */
export function useUnsavedChanges(isDirty: boolean): void {
  const id = useId();
  useEffect(() => {
    if (isDirty) dirty.add(id);
    else dirty.delete(id);
    return () => {
      dirty.delete(id);
    };
  }, [id, isDirty]);
}

export function hasUnsavedChanges(): boolean {
  return dirty.size > 0;
}
