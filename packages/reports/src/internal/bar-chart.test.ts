import { describe, expect, it } from 'vitest';
import { renderBarChart, truncateLabel } from './bar-chart.js';

describe('renderBarChart', () => {
  it('shortens long labels by width, never splitting a character', () => {
    expect(truncateLabel('Hotel / entertainment')).toBe('Hotel / entertainme…');
    expect(truncateLabel('Chain supermarket')).toBe('Chain supermarket');
    expect(truncateLabel('12345678901234567890')).toBe('12345678901234567890');
    expect(truncateLabel('杭州市西湖区文三路便利店连锁总店')).toBe('杭州市西湖区文三路…');
    expect(truncateLabel('😀'.repeat(30))).toMatch(/^(😀)+…$/);
  });

  it('draws one bar per value, "n/a" for null, and escapes labels', () => {
    const svg = renderBarChart({
      id: 'c',
      title: 'T <1>',
      series: [{ name: 'a', colour: '#000' }],
      rows: [
        { label: '<x>', values: [2] },
        { label: 'y', values: [null] },
      ],
      format: String,
    });
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(1);
    expect(svg).toContain('n/a');
    expect(svg).toContain('&lt;x&gt;');
    expect(svg).not.toContain('<x>');
  });
});
