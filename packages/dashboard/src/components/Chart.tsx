import { type RefObject, useEffect, useRef, useState } from "react";
import { formatCompact } from "../lib/format.ts";

export interface Series {
  name: string;
  color: string;
  points: { x: number; y: number }[];
  /** Draw as a step line (values that hold until the next change), the default. */
  step?: boolean;
}

const DEFAULT_WIDTH = 560;
const HEIGHT = 200;

/** The element's width in CSS pixels, so the SVG draws 1:1 and its text keeps its size. */
function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.round(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
const PAD = { top: 12, right: 16, bottom: 26, left: 48 };

function ticks(min: number, max: number, count: number): number[] {
  if (max <= min) return [min];
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * magnitude >= raw) ?? 10) * magnitude;
  const out: number[] = [];
  const top = Math.ceil(max / step - 1e-9) * step;
  for (let v = Math.ceil(min / step) * step; v <= top + step * 1e-9; v += step) out.push(v);
  return out;
}

function dateLabel(seconds: number, span: number): string {
  const date = new Date(seconds * 1000);
  if (span < 3_600) return date.toISOString().slice(11, 19);
  if (span < 2 * 86_400) return date.toISOString().slice(11, 16);
  return date.toISOString().slice(5, 10);
}

/** A small time-series chart in plain SVG: step or straight lines, axes and a legend. */
export function LineChart({
  series,
  yFormat = formatCompact,
  label,
  now,
}: {
  series: Series[];
  yFormat?: (value: number) => string;
  label: string;
  /** Extends step lines to this time (seconds). */
  now?: number;
}) {
  const [ref, WIDTH] = useWidth<HTMLElement>();
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) {
    return (
      <figure className="chart" ref={ref}>
        <p className="empty">No history yet.</p>
      </figure>
    );
  }
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const xMax = Math.max(...xs, now ?? 0);
  // At least a minute wide, so a fresh history still reads as a line.
  const xMin = Math.min(...xs, xMax - 60);
  const yMin = Math.min(0, ...ys);
  const yTicks = ticks(yMin, Math.max(...ys) || 1, 4);
  const yMax = Math.max(yTicks[yTicks.length - 1] ?? 1, Math.max(...ys)) || 1;
  const span = Math.max(xMax - xMin, 1);
  const sx = (x: number) => PAD.left + ((x - xMin) / span) * (WIDTH - PAD.left - PAD.right);
  const sy = (y: number) =>
    HEIGHT - PAD.bottom - ((y - yMin) / (yMax - yMin)) * (HEIGHT - PAD.top - PAD.bottom);
  const xTicks = [xMin, xMin + span / 2, xMax];

  return (
    <figure className="chart" ref={ref}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={label}
      >
        {yTicks.map((t) => (
          <g key={`y${t}`}>
            <line className="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={sy(t)} y2={sy(t)} />
            <text className="axis" x={PAD.left - 6} y={sy(t) + 4} textAnchor="end">
              {yFormat(t)}
            </text>
          </g>
        ))}
        {xTicks.map((t, i) => (
          <text
            key={`x${t}`}
            className="axis"
            x={sx(t)}
            y={HEIGHT - 8}
            textAnchor={i === 0 ? "start" : i === 2 ? "end" : "middle"}
          >
            {dateLabel(t, span)}
          </text>
        ))}
        {series.map((s) => {
          const points = [...s.points].sort((a, b) => a.x - b.x);
          if (points.length === 0) return null;
          const last = points[points.length - 1];
          if (now !== undefined && last && now > last.x) points.push({ x: now, y: last.y });
          let d = "";
          points.forEach((p, i) => {
            const prev = points[i - 1];
            if (i === 0) d += `M${sx(p.x)},${sy(p.y)}`;
            else if (s.step !== false && prev) d += `H${sx(p.x)}V${sy(p.y)}`;
            else d += `L${sx(p.x)},${sy(p.y)}`;
          });
          const end = points[points.length - 1];
          return (
            <g key={s.name}>
              <path d={d} fill="none" stroke={s.color} strokeWidth={2}>
                <title>{s.name}</title>
              </path>
              {end && <circle cx={sx(end.x)} cy={sy(end.y)} r={3} fill={s.color} />}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {series.map((s) => (
          <span key={s.name}>
            <i style={{ background: s.color }} /> {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Horizontal bars, one per item (payouts, coverage per dAPI). */
export function BarList({
  items,
  format = formatCompact,
}: {
  items: { label: string; value: number; max?: number; color?: string }[];
  format?: (value: number) => string;
}) {
  if (items.length === 0) return <p className="empty">Nothing yet.</p>;
  const top = Math.max(...items.map((i) => i.max ?? i.value), 1);
  return (
    <ul className="bars">
      {items.map((item) => (
        <li key={item.label}>
          <span className="bar-label">{item.label}</span>
          <span className="bar-track">
            {item.max !== undefined && (
              <span className="bar-cap" style={{ width: `${(item.max / top) * 100}%` }} />
            )}
            <span
              className="bar-fill"
              style={{
                width: `${(item.value / top) * 100}%`,
                background: item.color ?? "var(--accent)",
              }}
            />
          </span>
          <span className="bar-value">
            {format(item.value)}
            {item.max !== undefined && ` / ${format(item.max)}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
