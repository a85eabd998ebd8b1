/**
 * The trace panel's shortcuts, anywhere on the page: Space plays or pauses, the arrows step through
 * the whole walk (every leg in order), Home and End go to the ends. Fields, selects and radios keep
 * their own keys; a button keeps Space. Apart from main.ts, which wires it to the document.
 */
import type { Player } from './player';

/** Elements where keys have their own meaning: the panel's shortcuts leave them alone. */
const OWN_KEYS = new Set([
  'INPUT',
  'TEXTAREA',
  'SELECT',
  'VSCODE-TEXTFIELD',
  'VSCODE-TEXTAREA',
  'VSCODE-SINGLE-SELECT',
  'VSCODE-RADIO',
  'VSCODE-RADIO-GROUP',
  'VSCODE-OPTION',
]);
const BUTTONS = new Set(['BUTTON', 'VSCODE-BUTTON']);

/** Handles a key press for the player (a step from inside a list moves the focus along). */
export function playerKey(e: KeyboardEvent, player: Player): void {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
  const target = e.composedPath()[0] as HTMLElement | undefined;
  const host = e.target as HTMLElement | null;
  if ((target && OWN_KEYS.has(target.tagName)) || (host && OWN_KEYS.has(host.tagName))) return;
  const inList = !!host?.closest?.('[role=listbox]');
  switch (e.key) {
    case ' ':
      if (host && BUTTONS.has(host.tagName)) return;
      player.toggle();
      break;
    case 'ArrowLeft':
      player.step(-1, inList);
      break;
    case 'ArrowRight':
      player.step(1, inList);
      break;
    case 'Home':
      player.step(-Infinity, inList);
      break;
    case 'End':
      player.step(Infinity, inList);
      break;
    default:
      return;
  }
  e.preventDefault();
}
