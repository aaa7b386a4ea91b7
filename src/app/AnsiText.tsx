// ANSI colours inside log text, rendered as React spans. anser parses the escape sequences; the
// text itself only ever becomes text nodes.
import Anser from 'anser';
import { memo, type CSSProperties } from 'react';

const DECORATION_STYLE: Partial<Record<Anser.DecorationName, CSSProperties>> = {
  bold: { fontWeight: 'bold' },
  dim: { opacity: 0.7 },
  italic: { fontStyle: 'italic' },
  underline: { textDecoration: 'underline' },
  strikethrough: { textDecoration: 'line-through' },
  hidden: { visibility: 'hidden' },
};

// anser reports colours as "r, g, b"; nothing else may reach a style value.
const rgb = (value: string) => (/^\d{1,3}, \d{1,3}, \d{1,3}$/.test(value) ? `rgb(${value})` : undefined);

export const AnsiText = memo(function AnsiText({ text }: { text: string }) {
  if (!text.includes('\x1b')) return <>{text}</>;
  const parts = Anser.ansiToJson(text, { use_classes: false, remove_empty: true });
  return (
    <>
      {parts.map((part, i) => {
        const reverse = part.decorations.includes('reverse');
        const style: CSSProperties = {
          color: rgb(reverse ? part.bg : part.fg),
          backgroundColor: rgb(reverse ? part.fg : part.bg),
        };
        for (const d of part.decorations) Object.assign(style, DECORATION_STYLE[d]);
        return (
          <span key={i} style={style}>
            {part.content}
          </span>
        );
      })}
    </>
  );
});

/** The text without escape sequences, for copying. */
export const stripAnsi = (text: string) => (text.includes('\x1b') ? Anser.ansiToText(text) : text);
