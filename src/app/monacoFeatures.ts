// The editor features the playground offers, instead of Monaco's `features/register.all` (about 60,
// among them the diff editor, inline completions, the command palette, sticky scroll, colour
// pickers, code lenses and inlay hints, which no plugin file uses and whose code every visit would
// download and parse). Each import registers one contribution with the editor.
import 'monaco-editor/features/codicon/register'; // the icons of the widgets below
import 'monaco-editor/features/hover/register'; // `sdk.` docs and the markers' messages on hover
// `sdk.` completions (Ctrl+Space). The suggest widget itself: register.all gets it only through
// inline completions, whose `register` imports it.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/snippet/register'; // what accepting a completion inserts
import 'monaco-editor/features/find/register'; // Ctrl+F, Ctrl+H
import 'monaco-editor/features/gotoError/register'; // F8 through the markers
import 'monaco-editor/features/comment/register'; // Ctrl+/
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/linesOperations/register'; // move, copy, delete lines
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/toggleTabFocusMode/register'; // Ctrl+M: Tab leaves the editor
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/wordPartOperations/register';
