import type { BenchReport, TargetName } from './run-bench';

const COLOURS: Record<TargetName, string> = {
  ours: '#1f6feb',
  plain: '#8b949e',
  hive: '#d29922',
  direct: '#2da44e',
};

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c,
  );
}

/**
 * Two bar charts side by side, one group per workload: median requests per second, and gateway
 * CPU-ms per request. Targets without figures (excluded, not installed) get no bar.
 */
export function renderBenchChart(report: BenchReport): string {
  const workloads = [...new Set(report.rows.map((r) => r.workload))];
  const targets: TargetName[] = ['ours', 'plain', 'hive', 'direct'];
  const panels = [
    { title: 'Requests per second (median)', value: (m: { rps: number }) => m.rps },
    {
      title: 'Gateway CPU-ms per request (median)',
      value: (m: { gatewayCpuMsPerRequest: number }) => m.gatewayCpuMsPerRequest,
    },
  ];
  const panelWidth = 420;
  const height = 300;
  const top = 40;
  const bottom = 250;
  const parts: string[] = [];
  panels.forEach((panel, p) => {
    const x0 = 20 + p * (panelWidth + 30);
    const values = report.rows.flatMap((r) => (r.median ? [panel.value(r.median)] : []));
    const max = Math.max(1e-9, ...values);
    parts.push(
      `<text x="${x0}" y="20" font-size="14" font-weight="bold">${escapeXml(panel.title)}</text>`,
      `<line x1="${x0}" y1="${bottom}" x2="${x0 + panelWidth}" y2="${bottom}" stroke="#333"/>`,
    );
    const groupWidth = panelWidth / Math.max(1, workloads.length);
    workloads.forEach((workload, w) => {
      const gx = x0 + w * groupWidth + 8;
      const barWidth = (groupWidth - 16) / targets.length;
      targets.forEach((target, t) => {
        const median = report.rows.find(
          (r) => r.workload === workload && r.target === target,
        )?.median;
        if (!median) return;
        const value = panel.value(median);
        const h = ((bottom - top) * value) / max;
        const x = gx + t * barWidth;
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${(bottom - h).toFixed(1)}" width="${(barWidth - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[target]}"><title>${workload} ${target}: ${value.toFixed(2)}</title></rect>`,
          `<text x="${(x + barWidth / 2 - 1).toFixed(1)}" y="${(bottom - h - 3).toFixed(1)}" font-size="9" text-anchor="middle">${value.toFixed(value >= 100 ? 0 : 1)}</text>`,
        );
      });
      parts.push(
        `<text x="${(gx + (groupWidth - 16) / 2).toFixed(1)}" y="${bottom + 16}" font-size="12" text-anchor="middle">${escapeXml(workload)}</text>`,
      );
    });
  });
  targets.forEach((target, t) => {
    const x = 20 + t * 110;
    parts.push(
      `<rect x="${x}" y="${height - 22}" width="12" height="12" fill="${COLOURS[target]}"/>`,
      `<text x="${x + 16}" y="${height - 12}" font-size="12">${target}</text>`,
    );
  });
  const width = 20 + panels.length * (panelWidth + 30);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">\n<rect width="100%" height="100%" fill="#fff"/>\n${parts.join('\n')}\n</svg>\n`;
}
