// Completions and hover docs for `sdk` in the editor, from the generated stub
// (public/guest/sdk.pyi, served by the page itself). Without the stub there are none: the
// editor works as before.
import type * as Monaco from 'monaco-editor/editor/editor.api';
import { completionsAt, hoverAt, parseStub, sdkAliases, type SdkKind, type SdkStub } from './sdkStub.ts';

export const SDK_STUB_URL = 'guest/sdk.pyi';

/** The stub, read once; null when the page has none (or the server sent its index page instead). */
let loading: Promise<SdkStub | null> | null = null;
export function loadSdkStub(): Promise<SdkStub | null> {
  loading ??= fetch(SDK_STUB_URL)
    .then(async (r) => (r.ok && !(r.headers.get('content-type') ?? '').includes('text/html') ? parseStub(await r.text()) : null))
    .catch(() => null);
  return loading;
}

const markdownCode = (code: string) => ({ value: `\`\`\`python\n${code}\n\`\`\`` });

/** Registers the providers for Python once; they read the stub when first asked. */
export function registerSdkProviders(monaco: typeof Monaco, stub: () => Promise<SdkStub | null> = loadSdkStub): Monaco.IDisposable {
  const kinds: Record<SdkKind, Monaco.languages.CompletionItemKind> = {
    function: monaco.languages.CompletionItemKind.Function,
    class: monaco.languages.CompletionItemKind.Class,
    constant: monaco.languages.CompletionItemKind.Constant,
  };
  const completions = monaco.languages.registerCompletionItemProvider('python', {
    triggerCharacters: ['.'],
    async provideCompletionItems(model, position) {
      const loaded = await stub();
      if (loaded === null) return { suggestions: [] };
      const prefix = model.getValueInRange({
        startLineNumber: position.lineNumber,
        startColumn: 1,
        endLineNumber: position.lineNumber,
        endColumn: position.column,
      });
      const found = completionsAt(loaded, prefix, sdkAliases(model.getValue()));
      if (found === null) return { suggestions: [] };
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: position.column - found.typed.length,
        endColumn: position.column,
      };
      return {
        suggestions: found.members.map((m) => ({
          label: m.name,
          kind: kinds[m.kind],
          detail: m.signature,
          documentation: m.doc === '' ? undefined : { value: m.doc },
          insertText: m.name,
          range,
        })),
      };
    },
  });
  const hovers = monaco.languages.registerHoverProvider('python', {
    async provideHover(model, position) {
      const loaded = await stub();
      if (loaded === null) return null;
      const line = model.getLineContent(position.lineNumber);
      const found = hoverAt(loaded, line, position.column - 1, sdkAliases(model.getValue()));
      if (found === null) return null;
      const contents =
        found.member === null
          ? [markdownCode('module sdk'), { value: loaded.doc }]
          : [markdownCode(found.member.signature), { value: found.member.doc }];
      return {
        range: {
          startLineNumber: position.lineNumber,
          endLineNumber: position.lineNumber,
          startColumn: found.start + 1,
          endColumn: found.end + 1,
        },
        contents: contents.filter((c) => c.value !== ''),
      };
    },
  });
  return { dispose: () => (completions.dispose(), hovers.dispose()) };
}
