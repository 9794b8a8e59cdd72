// Shown where a material image cannot be loaded (404, or not stored yet): a grey picture frame, as a data URI
// because the Content-Security-Policy allows images from 'self' and data: only.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="120" viewBox="0 0 160 120">
<rect width="160" height="120" fill="#f0f0f0"/>
<rect x="50" y="30" width="60" height="46" rx="4" fill="none" stroke="#bfbfbf" stroke-width="3"/>
<circle cx="66" cy="45" r="6" fill="#bfbfbf"/>
<path d="M54 72 L74 54 L86 64 L96 56 L106 72 Z" fill="#bfbfbf"/>
<path d="M40 94 H120" stroke="#d9d9d9" stroke-width="4" stroke-linecap="round"/>
</svg>`;

export const PLACEHOLDER_IMAGE = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(SVG)}`;
