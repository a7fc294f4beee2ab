// Cross-section navigation: a section asks the shell to show another section, optionally
// with one thing in it brought forward (an evidence item opened, a contact selected).
// The shell holds the current section and the pending focus; the target section reads the
// focus when it mounts and clears it once used, so coming back later starts clean.
import { createContext, useContext } from 'react';
import type { SectionId } from '../sections/sections';

export interface NavFocus {
  evidenceId?: string;
  contactId?: string;
}

export interface Navigation {
  goTo: (section: SectionId, focus?: NavFocus) => void;
  /** What the last goTo asked to bring forward (null once taken). */
  focus: NavFocus | null;
  /** Marks the focus as used. */
  clearFocus: () => void;
}

const noop: Navigation = { goTo: () => undefined, focus: null, clearFocus: () => undefined };

export const NavigationContext = createContext<Navigation>(noop);

export function useNavigate(): Navigation['goTo'] {
  return useContext(NavigationContext).goTo;
}

/** The pending focus for the section now showing, taken once: returns it and clears it. */
export function useNavFocus(): { focus: NavFocus | null; clearFocus: () => void } {
  const { focus, clearFocus } = useContext(NavigationContext);
  return { focus, clearFocus };
}
