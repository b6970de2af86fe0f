/**
 * A fixed-size chart when a width is given (presentation and print: slides that
 * are not on screen cannot be measured), otherwise one that follows its container.
 */
import { cloneElement, type ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

export function Sized({
  width,
  height,
  children,
}: {
  width?: number | undefined;
  height: number;
  children: ReactElement<{ width?: number; height?: number }>;
}) {
  if (width !== undefined) return cloneElement(children, { width, height });
  return (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  );
}
