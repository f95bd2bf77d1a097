/** A picture beside its words (a lesson step, a Testa card); the words wrap under it if need be. */
import type { ReactNode } from 'react';
import { Picture, type PictureName } from './Picture';
import './picture-beside.css';

export function PictureBeside({
  picture,
  children,
}: {
  picture?: PictureName;
  children: ReactNode;
}) {
  return (
    <div className="picture-beside">
      {picture ? <Picture name={picture} /> : null}
      <p className="picture-beside__text">{children}</p>
    </div>
  );
}
