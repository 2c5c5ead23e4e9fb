import { builtinLanguages } from '@passk/languages';
for (const [id, create] of Object.entries(builtinLanguages)) {
  const t = performance.now();
  const info = await (create as () => any)().detect();
  console.log(id, Math.round(performance.now() - t), info.available);
}
