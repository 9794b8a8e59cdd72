import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../lang.tsx';

/** Takes one photo with the computer's camera (getUserMedia needs https or localhost) and hands it over as a JPEG file. */
export function WebcamCapture({
  open,
  title,
  onClose,
  onCapture,
}: {
  open: boolean;
  title: string;
  onClose(): void;
  onCapture(file: File): void;
}) {
  const { t } = useI18n();
  const video = useRef<HTMLVideoElement | null>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let current: MediaStream | null = null;
    let isCancelled = false;
    setProblem(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setProblem(t('face.cameraUnavailable'));
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'user', width: { ideal: 1280 }, height: { ideal: 960 } }, audio: false })
      .then((s) => {
        if (isCancelled) return s.getTracks().forEach((track) => track.stop());
        current = s;
        setStream(s);
      })
      .catch(() => !isCancelled && setProblem(t('face.cameraDenied')));
    return () => {
      isCancelled = true;
      current?.getTracks().forEach((track) => track.stop());
      setStream(null);
    };
  }, [open, t]);

  useEffect(() => {
    if (video.current && stream) video.current.srcObject = stream;
  }, [stream]);

  function capture() {
    const element = video.current;
    if (!element || !element.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = element.videoWidth;
    canvas.height = element.videoHeight;
    canvas.getContext('2d')?.drawImage(element, 0, 0);
    canvas.toBlob(
      (blob) => blob && onCapture(new File([blob], 'face.jpg', { type: 'image/jpeg' })),
      'image/jpeg',
      0.92,
    );
  }

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="shoot" type="primary" icon={<CameraOutlined />} disabled={!stream} onClick={capture}>
          {t('face.shoot')}
        </Button>,
      ]}
    >
      {problem ? (
        <Alert type="warning" showIcon title={problem} />
      ) : (
        <video
          ref={video}
          autoPlay
          playsInline
          muted
          aria-label={t('face.preview')}
          style={{ width: '100%', borderRadius: 8, background: '#000', transform: 'scaleX(-1)' }}
        />
      )}
      <p style={{ marginTop: 8, color: 'rgba(0,0,0,0.65)' }}>{t('face.tips')}</p>
    </Modal>
  );
}
